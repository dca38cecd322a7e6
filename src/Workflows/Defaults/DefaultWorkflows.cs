using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using static AfterSales.Workflows.Defaults.ServiceLoop;
using static AfterSales.Workflows.Defaults.WorkflowRoles;

namespace AfterSales.Workflows.Defaults;

/// <summary>
/// The workflows every tenant starts with, one per seeded service type: the closed loop of seed 001 (as the
/// hard-coded request flow had it) with the differences of seed 002. Status keys reuse the request status codes.
/// Each is version 1, published.
/// </summary>
public static class DefaultWorkflows
{
    /// <summary>Field keys the default workflows require or read; the host's forms must provide them.</summary>
    public static IReadOnlySet<string> FieldKeys { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "assigneeId", "requestedDate", "answer", "faultCategory", "measures", "complaintCategory",
        "warrantyCovered", "responsibility", "costSharing", "inspection", "carrier", "trackingNumber", "shippedOn",
    };

    /// <summary>All default workflows, keyed by service type code.</summary>
    public static IReadOnlyDictionary<string, WorkflowDefinition> All { get; } = new Dictionary<string, WorkflowDefinition>(StringComparer.OrdinalIgnoreCase)
    {
        ["CONSULT"] = Consultation(),
        ["REMOTE"] = RemoteSupport(),
        ["ONSITE"] = OnSite(),
        ["RMA"] = ReturnToFactory(),
        ["COMPLAINT"] = Complaint(),
    };

    /// <summary>Consultation: question → answer → closed; a question answered on the spot closes at once, no return visit.</summary>
    public static WorkflowDefinition Consultation() => Published("CONSULT", "咨询", "Consultation",
        statuses: [Waiting(), OnHold(), Assigned(), Processed("已答复", "Answered"), Closed(800), Cancelled()],
        transitions:
        [
            Assign(["WaitingForAssignment", "Assigned"]),
            Hold(["WaitingForAssignment", "Assigned"]),
            Resume(),
            Transition("Answer", ["Assigned"], "Processed", "答复", "Answer", AssigneeOrDesk, "answer") with
            {
                Actions = [new AddCommentAction { FromFormField = "answer", IsPublic = true }],
            },
            Transition("AnswerAndClose", ["WaitingForAssignment"], "Closed", "直接答复并关闭", "Answer and close", ServiceDesk, "answer") with
            {
                Actions = [new AddCommentAction { FromFormField = "answer", IsPublic = true }],
            },
            Close("Processed"),
            Reopen("Processed"),
            Cancel("WaitingForAssignment", "OnHold", "Assigned"),
        ],
        timers: [.. SlaTimers()],
        responded: ["Assigned", "OnHold", "Processed"],
        resolved: ["Processed"]);

    /// <summary>Remote support: recorded, handed to the technical department, processed, return visit.</summary>
    public static WorkflowDefinition RemoteSupport() => Loop("REMOTE", "远程支持", "Remote support",
        Assign(["WaitingForAssignment", "Assigned"], "转交技术部门", "Hand to technical department"),
        Transition("Process", ["Assigned"], "Processed", "处理完成", "Mark processed", AssigneeOrDesk),
        closeFrom: ["Processed", "ReturnVisit"]);

    /// <summary>On-site: dispatched, visited, repair record (fault category, measures), return visit.</summary>
    public static WorkflowDefinition OnSite() => Loop("ONSITE", "上门服务", "On-site service",
        Assign(["WaitingForAssignment", "Assigned"], "派工", "Dispatch"),
        Transition("Process", ["Assigned"], "Processed", "填写维修记录", "Record repair", AssigneeOrDesk, "faultCategory", "measures"),
        closeFrom: ["Processed", "ReturnVisit"]);

    /// <summary>Complaint or suggestion: categorised, handled, always followed by a return visit before closing.</summary>
    public static WorkflowDefinition Complaint() => Loop("COMPLAINT", "投诉建议", "Complaint / suggestion",
        Assign(["WaitingForAssignment", "Assigned"], "分类并分配", "Categorise and assign", "complaintCategory"),
        Transition("Process", ["Assigned"], "Processed", "处理完成", "Mark handled", AssigneeOrDesk, "measures"),
        closeFrom: ["ReturnVisit"]);

    /// <summary>
    /// Return to factory: registered, shipped in by the customer with carrier and tracking number (waiting), received with an
    /// inspection, re-judged (warranty, responsibility, cost sharing, measures), repaired at the factory (waiting), shipped back
    /// with carrier and tracking number (waiting), return visit.
    /// </summary>
    public static WorkflowDefinition ReturnToFactory()
    {
        StatusDefinition Rma(string key, string zh, string en, StatusCategory category, double x, double y) =>
            Status(key, zh, en, category, category == StatusCategory.Waiting ? "#00897b" : "#fb8c00", x, y);

        return Published("RMA", "返厂维修", "Return to factory",
            statuses:
            [
                Waiting(), OnHold(), Assigned("已登记", "Registered"),
                Rma("InTransitToFactory", "寄回工厂途中", "In transit to factory", StatusCategory.Waiting, 560, 200),
                Rma("ReceivedAtFactory", "工厂已收货", "Received at factory", StatusCategory.InProgress, 800, 200),
                Rma("RepairingAtFactory", "工厂维修中", "Repairing at factory", StatusCategory.Waiting, 1040, 200),
                Rma("ShippedBack", "已寄回客户", "Shipped back", StatusCategory.Waiting, 1280, 200),
                ReturnVisit(1520), Closed(1760), Locked(), Cancelled(),
            ],
            transitions:
            [
                Assign(["WaitingForAssignment", "Assigned"], "登记并分配", "Register and assign"),
                ManagerAssign(),
                Hold(["WaitingForAssignment", "Assigned"]),
                Resume(),
                Transition("AwaitShipment", ["Assigned"], "InTransitToFactory", "客户已寄出", "Customer shipped", AssigneeOrDesk, "carrier", "trackingNumber", "shippedOn"),
                Transition("Receive", ["InTransitToFactory"], "ReceivedAtFactory", "确认收货", "Confirm receipt", [.. ServiceDesk, Engineer], "inspection"),
                Transition("Judge", ["ReceivedAtFactory"], "RepairingAtFactory", "复判", "Re-judge", [Manager, Engineer], "warrantyCovered", "responsibility", "costSharing", "measures"),
                Transition("ShipBack", ["RepairingAtFactory"], "ShippedBack", "寄回客户", "Ship back", [.. ServiceDesk, Engineer], "carrier", "trackingNumber", "shippedOn") with
                {
                    Actions = [new NotifyAction { Channel = NotificationChannel.Email, Recipients = [Recipient.Customer], Template = "rma.shippedBack" }],
                },
                StartReturnVisit("ShippedBack"),
                Close("ReturnVisit"),
                Reopen(),
                Unlock(),
                LockMissedDate(),
                Cancel("WaitingForAssignment", "OnHold", "Assigned", "Locked", "InTransitToFactory"),
            ],
            timers:
            [
                RequestedDateTimer(),
                new()
                {
                    Key = "shipmentOverdue",
                    Name = new("客户寄件超期", "Customer shipment overdue"),
                    Status = "InTransitToFactory",
                    Due = TimerDue.After(TimeSpan.FromDays(14)),
                    Actions = [new NotifyAction { Recipients = [Recipient.OfRole(Dispatcher)], Template = "rma.shipmentOverdue" }],
                },
                .. SlaTimers(),
            ],
            responded: ["Assigned", "OnHold"],
            resolved: ["ShippedBack"]);
    }

    // The closed loop of seed 001: assignment, attempts counted and locked after two, return visit, reopen.
    private static WorkflowDefinition Loop(string type, string zh, string en, TransitionDefinition assign, TransitionDefinition process, string[] closeFrom) =>
        Published(type, zh, en,
            statuses: [Waiting(), OnHold(), Assigned(), Processed(), ReturnVisit(), Closed(), Locked(), Cancelled()],
            transitions:
            [
                assign,
                ManagerAssign(),
                Hold(["WaitingForAssignment", "Assigned"]),
                Resume(),
                process,
                .. NotSolved(),
                StartReturnVisit("Processed"),
                ReturnVisitDue(),
                Close(closeFrom),
                Reopen(),
                Unlock(),
                LockMissedDate(),
                Cancel("WaitingForAssignment", "OnHold", "Assigned", "Locked"),
            ],
            timers: [RequestedDateTimer(), ReturnVisitTimer(), .. SlaTimers()],
            responded: ["Assigned", "OnHold", "Processed"],
            resolved: ["Processed"]);

    private static WorkflowDefinition Published(string type, string zh, string en, IReadOnlyList<StatusDefinition> statuses,
        IReadOnlyList<TransitionDefinition> transitions, IReadOnlyList<TimerDefinition> timers, string[] responded, string[] resolved) => new()
    {
        Key = type,
        Version = 1,
        State = DefinitionState.Published,
        Name = new(zh, en),
        ServiceType = type,
        Variables = ServiceLoop.Variables,
        Statuses = statuses,
        Transitions = transitions,
        Timers = timers,
        SlaClocks = SlaClocks(responded, resolved),
    };
}
