namespace AfterSales.Workflows.Actions;

/// <summary>Where an <see cref="AssignAction"/> finds the assignee.</summary>
public enum AssigneeSource
{
    /// <summary><see cref="AssignAction.Value"/> is a user id.</summary>
    User,

    /// <summary><see cref="AssignAction.Value"/> is a role; the host picks a member (or a queue).</summary>
    Role,

    /// <summary>The tenant's assignment rules decide; <see cref="AssignAction.Value"/> may name a rule set.</summary>
    Rules,

    /// <summary><see cref="AssignAction.Value"/> is a transition form field holding the user id.</summary>
    FormField,
}
