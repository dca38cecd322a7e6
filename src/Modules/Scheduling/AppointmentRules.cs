namespace AfterSales.Modules.Scheduling;

/// <summary>What makes a visit impossible to agree (as opposed to <see cref="AppointmentWarnings"/>, which only ask for a second look).</summary>
public static class AppointmentRules
{
    /// <summary>Field → text key of each problem with <paramref name="input"/>; empty when the visit can be agreed.</summary>
    /// <param name="assigneeId">The request's engineer: the visit is theirs, so a request without one cannot have a visit yet.</param>
    /// <param name="today">The tenant's day: a visit may be agreed for today, whatever the hour, but not for a day gone.</param>
    /// <param name="moving">A move asks for its reason.</param>
    public static IReadOnlyDictionary<string, string> Check(AppointmentInput input, string? assigneeId, DateOnly today, bool moving)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Day is not { } day)
        {
            errors[nameof(input.Day)] = "Validation.Day";
        }
        else if (day < today)
        {
            errors[nameof(input.Day)] = "Validation.Past";
        }

        if (input.From is null || input.To is null)
        {
            errors["Window"] = "Validation.Window";
        }
        else if (input.To <= input.From)
        {
            errors["Window"] = "Validation.WindowOrder";
        }

        if (input.Note?.Trim().Length > Appointment.NoteLength)
        {
            errors[nameof(input.Note)] = "Validation.Note";
        }

        if (moving && (string.IsNullOrWhiteSpace(input.Reason) || input.Reason.Trim().Length > Appointment.ReasonLength))
        {
            errors[nameof(input.Reason)] = "Validation.Reason";
        }

        if (assigneeId is null)
        {
            errors["Engineer"] = "Validation.NoAssignee";
        }

        return errors;
    }
}
