using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// Round robin's place in one rule: the engineer it chose last. A row of its own, not a column of the rule, so assigning does
/// not change the rule an admin may be editing; its stamp makes two assignments at once by one rule collide instead of
/// choosing the same engineer.
/// </summary>
public class AssignmentCursor : ITenantOwned
{
    public Guid RuleId { get; set; }
    public string TenantId { get; set; } = "";
    public string LastUserId { get; set; } = "";
    public string ConcurrencyStamp { get; set; } = Guid.NewGuid().ToString("N");
}
