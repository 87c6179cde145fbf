namespace TagMyStock.Web.Features.Accounts.Mail;

/// <summary>Plain-text email to one person: password resets today.</summary>
public interface IMailSender
{
    Task SendAsync(MailMessageContent message, CancellationToken cancellationToken);
}

public sealed record MailMessageContent(string To, string Subject, string TextBody);

/// <summary>SMTP settings; with no <see cref="Host"/>, mail is written to <c>{data}/mail</c> instead of sent.</summary>
public sealed class MailOptions
{
    public const string Section = "TagMyStock:Mail";

    public string From { get; set; } = "TagMyStock <no-reply@tagmystock.local>";

    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    public string? UserName { get; set; }

    public string? Password { get; set; }
}
