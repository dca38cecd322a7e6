using System.Text.Json.Serialization;

namespace AfterSales.Workflows.Actions;

/// <summary>
/// An effect of a transition, a status entry/exit or a timer, as data. The engine runs none of the side effects:
/// it returns them in order and the host executes them (in its transaction or through an outbox). The few actions
/// that only change workflow state (<see cref="IsHandledByEngine"/>) are applied by the engine itself.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind", UnknownDerivedTypeHandling = JsonUnknownDerivedTypeHandling.FailSerialization)]
[JsonDerivedType(typeof(AssignAction), "assign")]
[JsonDerivedType(typeof(NotifyAction), "notify")]
[JsonDerivedType(typeof(SetFieldAction), "setField")]
[JsonDerivedType(typeof(AddCommentAction), "addComment")]
[JsonDerivedType(typeof(CreateReturnVisitAction), "createReturnVisit")]
[JsonDerivedType(typeof(StartTimerAction), "startTimer")]
[JsonDerivedType(typeof(CancelTimerAction), "cancelTimer")]
[JsonDerivedType(typeof(CallWebhookAction), "callWebhook")]
[JsonDerivedType(typeof(LockForManagerAction), "lockForManager")]
[JsonDerivedType(typeof(SetVariableAction), "setVariable")]
public abstract record WorkflowAction
{
    /// <summary>True for actions that only change the workflow instance; they are applied by the engine and not returned to the host.</summary>
    [JsonIgnore]
    public bool IsHandledByEngine => this is StartTimerAction or CancelTimerAction or SetVariableAction;
}
