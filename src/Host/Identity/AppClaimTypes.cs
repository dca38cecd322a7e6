namespace AfterSales.Host.Identity;

public static class AppClaimTypes
{
    public const string DisplayName = "display_name";
}
