namespace AfterSales.Modules.Visits;

/// <summary>What the customer answers on a return visit, by phone or through their link (seed 002: solved? overcharged? satisfied?).</summary>
public sealed class VisitAnswers
{
    public const int CommentLength = 1000;

    public bool? Solved { get; set; }
    public bool? Overcharged { get; set; }

    /// <summary>1 to 5 stars.</summary>
    public int? Satisfaction { get; set; }
    public string? Comment { get; set; }

    /// <summary>The text key of each unanswered or wrong question, by its property name.</summary>
    public IReadOnlyDictionary<string, string> Errors()
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (Solved is null)
        {
            errors[nameof(Solved)] = "Visit.Validation.Answer";
        }

        if (Overcharged is null)
        {
            errors[nameof(Overcharged)] = "Visit.Validation.Answer";
        }

        if (Satisfaction is not (>= SatisfactionRule.Lowest and <= SatisfactionRule.Highest))
        {
            errors[nameof(Satisfaction)] = "Visit.Validation.Satisfaction";
        }

        if (Comment?.Trim().Length > CommentLength)
        {
            errors[nameof(Comment)] = "Visit.Validation.Comment";
        }

        return errors;
    }
}
