using AfterSales.Modules.Customers;

namespace AfterSales.Host.Seeding;

/// <summary>Sample customers for the demo tenants: enough to page, search and sort.</summary>
internal static class DemoCustomers
{
    public static IEnumerable<CustomerInput> Chinese()
    {
        (string Name, string Region, string Level, string Contact)[] companies =
        [
            ("华东机电设备有限公司", "华东", "VIP", "张伟"), ("北方制冷工程有限公司", "华北", "A", "李娜"), ("南粤食品机械厂", "华南", "A", "王芳"),
            ("西部水务集团", "西南", "B", "刘洋"), ("长江精密制造股份有限公司", "华中", "VIP", "陈杰"), ("海滨酒店管理有限公司", "华东", "B", "杨敏"),
            ("中原医疗器械有限公司", "华中", "A", "赵磊"), ("东北重工机械有限公司", "东北", "B", "黄静"), ("天府农业科技有限公司", "西南", "B", "周强"),
            ("京津物流设备有限公司", "华北", "A", "吴霞"), ("苏州电子元件有限公司", "华东", "A", "徐涛"), ("深圳智能家居科技有限公司", "华南", "VIP", "孙丽"),
        ];
        for (var i = 0; i < companies.Length; i++)
        {
            var (name, region, level, contact) = companies[i];
            yield return new CustomerInput
            {
                Code = $"C{1001 + i}",
                Name = name,
                Kind = CustomerKind.Company,
                Level = level,
                Region = region,
                Phone = $"021-6{i:D2}8 80{i:D2}",
                Tags = i % 3 == 0 ? "经销商" : "终端客户",
                Address = $"{region}区 工业园 {i + 1} 号",
                Contacts = [new CustomerInput.ContactInput { Name = contact, Phone = $"138{i:D4}{1000 + i}", Role = "设备主管" }],
                Addresses = i == 0
                    ? [new CustomerInput.AddressInput { Label = "二号工厂", Region = "华东", Address = "嘉兴市 经济开发区 港区路 88 号", ContactName = "钱工", Phone = "0573-8200 1188" }]
                    : [],
            };
        }

        yield return new CustomerInput { Code = "P2001", Name = "王小明", Kind = CustomerKind.Individual, Region = "华东", Phone = "13900001111" };
        yield return new CustomerInput { Code = "P2002", Name = "李雪", Kind = CustomerKind.Individual, Region = "华北", Phone = "13700002222" };
    }

    public static IEnumerable<CustomerInput> English()
    {
        (string Name, string Region, string Contact)[] companies =
        [
            ("Northwind Foods", "North", "Anna Berg"), ("Contoso Hospitals", "London", "James Reed"), ("Fabrikam Plastics", "Midlands", "Priya Shah"),
            ("Tailspin Logistics", "South", "Tom Hughes"), ("Wide World Hotels", "London", "Emma Clark"), ("Litware Labs", "Scotland", "Liam Ross"),
        ];
        for (var i = 0; i < companies.Length; i++)
        {
            var (name, region, contact) = companies[i];
            yield return new CustomerInput
            {
                Code = $"AC-{501 + i}",
                Name = name,
                Level = i % 2 == 0 ? "A" : "B",
                Region = region,
                Phone = $"+44 20 7946 0{i:D3}",
                Contacts = [new CustomerInput.ContactInput { Name = contact, Email = $"{contact.Split(' ')[0].ToLowerInvariant()}@example.com", Role = "Facilities" }],
            };
        }
    }
}
