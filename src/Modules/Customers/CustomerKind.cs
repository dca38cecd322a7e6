namespace AfterSales.Modules.Customers;

public enum CustomerKind
{
    Company = 0,
    Individual = 1,
}
