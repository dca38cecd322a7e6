namespace AfterSales.Modules.Shared;

/// <summary>
/// Sends one text message. The platform has no SMS provider of its own: a deployment registers one for its provider (Aliyun,
/// Tencent Cloud, Twilio…); Development writes messages to a folder; without either, sending fails with "not configured".
/// </summary>
public interface ISmsSender
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken = default);
}

/// <summary>Thrown by the SMS sender of a deployment that has none configured: the outbox logs it as the delivery's failure.</summary>
public sealed class SmsNotConfiguredException() : InvalidOperationException("SMS is not configured: register an ISmsSender for your provider, or set Sms:PickupDirectory.");
