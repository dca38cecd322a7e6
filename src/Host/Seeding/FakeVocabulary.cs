namespace AfterSales.Host.Seeding;

/// <summary>
/// A product line a generated tenant may sell: its category, the letters its model codes start with, its warranty, and the
/// parts that wear out (name, lifetime in days).
/// </summary>
internal sealed record FakeProductLine(string Category, string CodePrefix, string Name, int[] WarrantyMonths, params (string Name, int Days)[] Consumables);

/// <summary>
/// The words Bogus has no data for in a locale (zh_CN has names and addresses but no companies or products),
/// so that Chinese tenants read like Chinese companies and English ones like English companies.
/// </summary>
internal sealed record FakeVocabulary(
    string Locale,
    string Culture,
    string[] TimeZones,
    string[] Regions,
    string[] Levels,
    string[] Tags,
    string[] ContactRoles,
    string[] Notes,
    string[] SiteLabels,
    FakeProductLine[] ProductLines,
    string[] Problems)
{
    public static readonly FakeVocabulary Chinese = new(
        "zh_CN",
        "zh-CN",
        ["Asia/Shanghai"],
        ["华东", "华北", "华南", "华中", "西南", "西北", "东北"],
        ["VIP", "A", "B", "C"],
        ["经销商", "终端客户", "重点客户", "医院", "学校", "政府单位", "连锁门店"],
        ["设备主管", "采购", "财务", "厂长", "技术员", "行政", "店长"],
        ["上门前请提前电话预约", "只在工作日 9:00–17:00 接受上门", "发票寄财务部", "厂区门卫需登记"],
        ["二厂", "仓库", "分公司", "门店"],
        [
            new("空调", "KT", "变频空调", [12, 24, 36], ("空气滤网", 180)),
            new("热水器", "RS", "商用热水器", [24, 36], ("镁棒", 365)),
            new("净水", "JS", "净水机", [12], ("PP 棉滤芯", 90), ("RO 反渗透膜", 730)),
            new("冰箱", "BX", "商用冰箱", [12, 24]),
            new("洗衣机", "XY", "滚筒洗衣机", [12, 24]),
            new("厨电", "YY", "油烟机", [12, 24]),
            new("压缩机", "YS", "螺杆压缩机", [12, 18], ("油过滤器", 120), ("空气过滤器", 180)),
            new("水泵", "SB", "离心水泵", [12, 24]),
            new("发电机", "FD", "柴油发电机组", [12, 24], ("机油滤清器", 250)),
            new("变频器", "BP", "通用变频器", [18, 24]),
            new("机床", "SK", "数控机床", [12]),
            new("叉车", "CC", "电动叉车", [12, 24]),
        ],
        ["不制冷", "漏水", "无法开机", "噪音大", "显示故障代码", "遥控器失灵", "有异味", "压力不足", "频繁停机", "跳闸", "年度保养", "安装调试", "移机",
         "更换滤芯", "配件咨询", "操作咨询"]);

    public static readonly FakeVocabulary English = new(
        "en",
        "en",
        ["Europe/London", "America/New_York", "UTC"],
        [],
        ["Key account", "A", "B", "C"],
        ["dealer", "end user", "key account", "hospital", "school", "public sector"],
        ["Facilities manager", "Purchasing", "Accounts payable", "Plant manager", "Technician", "Office manager"],
        ["Call before a visit", "Visits on weekdays only", "Send invoices to accounts payable", "Sign in at the gate"],
        ["Plant 2", "Warehouse", "Branch office", "Store"],
        [
            new("Pumps", "PX", "Centrifugal pump", [12, 24], ("Mechanical seal", 540)),
            new("Compressors", "CX", "Screw compressor", [12, 18], ("Oil filter", 120), ("Air filter", 180)),
            new("Chillers", "CH", "Water chiller", [12, 24, 36]),
            new("Generators", "GN", "Diesel generator", [12, 24], ("Oil filter", 250)),
            new("Boilers", "BL", "Condensing boiler", [24, 60]),
            new("Air handling", "AH", "Air handling unit", [12, 24]),
            new("Forklifts", "FL", "Electric forklift", [12, 24]),
            new("Machine tools", "LT", "CNC lathe", [12]),
            new("Drives", "VD", "Variable frequency drive", [18, 24]),
            new("Water treatment", "WT", "Reverse osmosis unit", [12], ("Sediment filter", 90), ("RO membrane", 730)),
        ],
        ["Not cooling", "Leaking", "Will not start", "Noisy", "Shows an error code", "Trips the breaker", "Low pressure", "Stops intermittently",
         "Annual maintenance", "Installation and commissioning", "Relocation", "Filter replacement", "Spare parts question", "How to operate"]);

    public bool IsChinese => Culture == "zh-CN";

    // Bogus zh_CN has no company names: brand, trade and legal form make the usual 有限公司 name.
    public static readonly string[] ChineseBrands = ["华盛", "宏达", "鑫源", "恒通", "瑞丰", "金鼎", "天成", "永兴", "联创", "博远", "新锐", "东方", "海川", "嘉禾", "中和"];

    public static readonly string[] ChineseTrades = ["机电设备", "制冷工程", "食品机械", "医疗器械", "物流设备", "电子科技", "精密制造", "环保科技", "水务", "酒店管理", "建筑工程", "智能家居", "农业科技", "纺织"];

    public static readonly string[] ChineseLegalForms = ["有限公司", "有限公司", "有限公司", "股份有限公司", "集团有限公司"];

    public static readonly string[] ChineseMailDomains = ["qq.com", "163.com", "126.com", "sina.com"];
}
