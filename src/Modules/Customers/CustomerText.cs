namespace AfterSales.Modules.Customers;

/// <summary>Marker for the customers feature's texts (CustomerText.resx, CustomerText.zh-CN.resx).</summary>
public sealed class CustomerText;
