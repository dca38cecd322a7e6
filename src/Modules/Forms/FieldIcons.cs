namespace AfterSales.Modules.Forms;

/// <summary>The Material icon of each field kind, in the designer's palette and canvas.</summary>
public static class FieldIcons
{
    public static string Of(FieldKind kind) => kind switch
    {
        FieldKind.Text => "short_text",
        FieldKind.MultiLineText => "notes",
        FieldKind.Number => "pin",
        FieldKind.Money => "payments",
        FieldKind.Date => "event",
        FieldKind.DateTime => "schedule",
        FieldKind.SingleSelect => "radio_button_checked",
        FieldKind.MultiSelect => "checklist",
        FieldKind.YesNo => "toggle_on",
        FieldKind.Rating => "star",
        FieldKind.User => "badge",
        FieldKind.Customer => "business",
        FieldKind.SerialNumber => "qr_code_2",
        FieldKind.Attachment => "attach_file",
        _ => "help",
    };
}
