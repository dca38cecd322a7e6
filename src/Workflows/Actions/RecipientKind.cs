namespace AfterSales.Workflows.Actions;

/// <summary>Who a <see cref="Recipient"/> designates.</summary>
public enum RecipientKind
{
    /// <summary>Everyone with the role in <see cref="Recipient.Value"/>.</summary>
    Role,

    /// <summary>The user whose id is <see cref="Recipient.Value"/>.</summary>
    User,

    /// <summary>The request's assignee.</summary>
    Assignee,

    /// <summary>The customer contact of the request.</summary>
    Customer,

    /// <summary>Whoever fired the transition.</summary>
    Actor,
}
