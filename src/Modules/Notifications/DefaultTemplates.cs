namespace AfterSales.Modules.Notifications;

/// <summary>The built-in wording of the notifications the default workflows send; a tenant may override each.</summary>
public static class DefaultTemplates
{
    /// <summary>Used for a template key a workflow names but no one has written.</summary>
    public const string FallbackKey = "request.changed";

    public static readonly IReadOnlyList<NotificationTemplate> All =
    [
        Of("request.assigned", "工单 {{number}} 已分配给您", "Request {{number}} is assigned to you",
            "{{subject}}\n客户：{{customer}}\n优先级：{{priority}}\n由 {{actor}} 分配。", "{{subject}}\nCustomer: {{customer}}\nPriority: {{priority}}\nAssigned by {{actor}}."),
        Of("request.locked", "工单 {{number}} 已锁定，等待主管处理", "Request {{number}} is locked for the manager",
            "{{subject}}\n客户：{{customer}}\n当前状态：{{status}}。请解锁后重新派工。", "{{subject}}\nCustomer: {{customer}}\nStatus: {{status}}. Unlock it to dispatch it again."),
        Of("request.returnedToAssignment", "工单 {{number}} 退回待分配", "Request {{number}} is back for assignment",
            "{{subject}}\n客户：{{customer}}\n上次处理人：{{assignee}}。", "{{subject}}\nCustomer: {{customer}}\nLast assignee: {{assignee}}."),
        Of("request.returnVisitDue", "工单 {{number}} 需要回访", "Request {{number}} is due for a return visit",
            "{{subject}}\n客户：{{customer}}\n请联系客户确认问题是否解决。", "{{subject}}\nCustomer: {{customer}}\nCall the customer to confirm the problem is solved."),
        Of("rma.shipmentOverdue", "返厂工单 {{number}} 的寄件逾期", "Shipment of RMA {{number}} is overdue",
            "{{subject}}\n客户：{{customer}}\n当前状态：{{status}}。", "{{subject}}\nCustomer: {{customer}}\nStatus: {{status}}."),
        Of("rma.shippedBack", "您的设备已寄回（{{number}}）", "Your unit is on its way back ({{number}})",
            "您好，{{customer}}：\n工单 {{number}}（{{subject}}）的设备已维修完毕并寄回。\n{{company}}", "Hello {{customer}},\nthe unit of request {{number}} ({{subject}}) has been repaired and shipped back.\n{{company}}"),
        Of("sla.firstResponseBreached", "工单 {{number}} 首次响应超时", "Request {{number}}: first response overdue",
            "{{subject}}\n客户：{{customer}}\n优先级：{{priority}}\n状态：{{status}}。", "{{subject}}\nCustomer: {{customer}}\nPriority: {{priority}}\nStatus: {{status}}."),
        Of("sla.assignmentBreached", "工单 {{number}} 派工超时", "Request {{number}}: assignment overdue",
            "{{subject}}\n客户：{{customer}}\n优先级：{{priority}}\n状态：{{status}}。", "{{subject}}\nCustomer: {{customer}}\nPriority: {{priority}}\nStatus: {{status}}."),
        Of("sla.resolutionBreached", "工单 {{number}} 解决超时", "Request {{number}}: resolution overdue",
            "{{subject}}\n客户：{{customer}}\n处理人：{{assignee}}\n状态：{{status}}。", "{{subject}}\nCustomer: {{customer}}\nAssignee: {{assignee}}\nStatus: {{status}}."),
        Of(FallbackKey, "工单 {{number}}：{{status}}", "Request {{number}}: {{status}}",
            "{{subject}}\n客户：{{customer}}\n由 {{actor}} 更新。", "{{subject}}\nCustomer: {{customer}}\nUpdated by {{actor}}."),
    ];

    public static NotificationTemplate? Find(string key) => All.FirstOrDefault(t => t.Key == key);

    private static NotificationTemplate Of(string key, string subjectZh, string subjectEn, string bodyZh, string bodyEn) =>
        new() { Key = key, SubjectZh = subjectZh, SubjectEn = subjectEn, BodyZh = bodyZh, BodyEn = bodyEn };
}
