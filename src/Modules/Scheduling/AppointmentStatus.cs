namespace AfterSales.Modules.Scheduling;

public enum AppointmentStatus
{
    Planned = 0,
    Cancelled = 1,
    Done = 2,
}
