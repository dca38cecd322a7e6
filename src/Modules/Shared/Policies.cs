namespace AfterSales.Modules.Shared;

/// <summary>Authorization policies. Staff policies also require the user to belong to the current tenant.</summary>
public static class Policies
{
    /// <summary>Any staff member of the current tenant.</summary>
    public const string Staff = "Staff";

    /// <summary>Tenant administration: users, API clients, settings.</summary>
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Those who take requests and keep customer data: admins, managers, dispatchers, agents.</summary>
    public const string ServiceDesk = "ServiceDesk";

    /// <summary>Those who dispatch: admins, managers, dispatchers (the dispatch board, engineer profiles).</summary>
    public const string Dispatch = "Dispatch";

    /// <summary>Managers and admins: audit trail, reports.</summary>
    public const string Management = "Management";

    /// <summary>The platform operator area.</summary>
    public const string Platform = "Platform";

    /// <summary>API clients with a token of the current tenant.</summary>
    public const string ApiClient = "ApiClient";
}
