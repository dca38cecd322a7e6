namespace AfterSales.Modules.Products;

/// <summary>Marker for the products feature's texts (ProductText.resx, ProductText.zh-CN.resx).</summary>
public sealed class ProductText;
