using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace TagMyStock.Web.Features.Accounts.Mail;

internal static class MimeMessages
{
    public static MimeMessage From(MailOptions options, MailMessageContent content)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(options.From));
        message.To.Add(MailboxAddress.Parse(content.To));
        message.Subject = content.Subject;
        message.Body = new TextPart("plain") { Text = content.TextBody };
        return message;
    }
}

/// <summary>Writes each message as an .eml file under <c>{data}/mail</c>: development and self-hosting without SMTP.</summary>
public sealed class FolderMailSender(string folder, IOptions<MailOptions> options, ILogger<FolderMailSender> logger) : IMailSender
{
    public async Task SendAsync(MailMessageContent message, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{DateTime.UtcNow:yyyyMMddTHHmmssfff}-{Guid.NewGuid():N}.eml");
        await using (var file = File.Create(path))
        {
            await MimeMessages.From(options.Value, message).WriteToAsync(file, cancellationToken);
        }

        logger.LogInformation("Mail \"{Subject}\" written to {Path} (no SMTP host configured)", message.Subject, path);
    }
}

/// <summary>Sends through the configured SMTP server with STARTTLS when it offers it.</summary>
public sealed class SmtpMailSender(IOptions<MailOptions> options) : IMailSender
{
    public async Task SendAsync(MailMessageContent message, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        using var client = new SmtpClient();
        await client.ConnectAsync(settings.Host ?? throw new InvalidOperationException("TagMyStock:Mail:Host is not set."), settings.Port, SecureSocketOptions.Auto, cancellationToken);
        if (!string.IsNullOrEmpty(settings.UserName))
        {
            await client.AuthenticateAsync(settings.UserName, settings.Password ?? "", cancellationToken);
        }

        await client.SendAsync(MimeMessages.From(settings, message), cancellationToken);
        await client.DisconnectAsync(quit: true, cancellationToken);
    }
}
