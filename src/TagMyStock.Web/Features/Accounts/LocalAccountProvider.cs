using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Features.Accounts.Mail;

namespace TagMyStock.Web.Features.Accounts;

/// <summary>Accounts whose passwords ASP.NET Core Identity hashes and checks in our own database.</summary>
public sealed class LocalAccountProvider(
    UserManager<Account> users,
    SignInManager<Account> signIn,
    RoleManager<IdentityRole<Guid>> roles,
    IMailSender mail,
    IOptions<AccountOptions> options,
    TimeProvider clock) : IAccountProvider
{
    public async Task<AccountResult> SignUpAsync(string displayName, string email, string password, CancellationToken cancellationToken)
    {
        var account = new Account
        {
            DisplayName = displayName.Trim(),
            Email = email.Trim(),
            UserName = email.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        var firstAccount = !await users.Users.AnyAsync(cancellationToken);
        var created = await users.CreateAsync(account, password);
        if (!created.Succeeded)
        {
            return Failed(created);
        }

        if (firstAccount || IsConfiguredAdmin(account.Email))
        {
            await MakeAdminAsync(account);
        }

        await signIn.SignInAsync(account, isPersistent: false);
        return AccountResult.Success;
    }

    public async Task<SignInOutcome> SignInAsync(string email, string password, bool remember, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account is null)
        {
            return SignInOutcome.InvalidCredentials;
        }

        if (IsConfiguredAdmin(account.Email) && !await users.IsInRoleAsync(account, AccountRoles.Admin))
        {
            await MakeAdminAsync(account);
        }

        var result = await signIn.PasswordSignInAsync(account, password, remember, lockoutOnFailure: true);
        return result.Succeeded ? SignInOutcome.SignedIn
            : result.IsLockedOut ? SignInOutcome.LockedOut
            : SignInOutcome.InvalidCredentials;
    }

    public Task SignOutAsync() => signIn.SignOutAsync();

    public async Task RequestPasswordResetAsync(string email, Func<string, string, string> resetLink, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        if (account?.Email is null)
        {
            return;
        }

        var token = WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(await users.GeneratePasswordResetTokenAsync(account)));
        var link = resetLink(account.Email, token);
        await mail.SendAsync(
            new MailMessageContent(
                account.Email,
                "Reset your TagMyStock password",
                $"Hello {account.DisplayName},\n\nSomeone asked to reset the password of your TagMyStock account. " +
                $"If it was you, open this link within a day to choose a new password:\n\n{link}\n\n" +
                "If it was not you, ignore this email: your password stays as it is."),
            cancellationToken);
    }

    public async Task<AccountResult> ResetPasswordAsync(string email, string token, string newPassword, CancellationToken cancellationToken)
    {
        var account = await users.FindByEmailAsync(email.Trim());
        string decoded;
        try
        {
            decoded = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(token));
        }
        catch (FormatException)
        {
            decoded = "";
        }

        if (account is null || decoded.Length == 0)
        {
            return AccountResult.Failed("This reset link is not valid. Ask for a new one.");
        }

        var reset = await users.ResetPasswordAsync(account, decoded, newPassword);
        if (!reset.Succeeded)
        {
            return reset.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.InvalidToken))
                ? AccountResult.Failed("This reset link has expired or was already used. Ask for a new one.")
                : Failed(reset);
        }

        // A reset also ends a lockout: the person has just proved they own the email.
        await users.SetLockoutEndDateAsync(account, null);
        await users.ResetAccessFailedCountAsync(account);
        return AccountResult.Success;
    }

    public async Task<AccountResult> UpdateProfileAsync(Guid accountId, string displayName, string email, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString());
        if (account is null)
        {
            return AccountResult.Failed("The account no longer exists.");
        }

        account.DisplayName = displayName.Trim();
        var newEmail = email.Trim();
        if (!string.Equals(account.Email, newEmail, StringComparison.OrdinalIgnoreCase))
        {
            account.Email = newEmail;
            account.UserName = newEmail;
        }

        var updated = await users.UpdateAsync(account);
        if (!updated.Succeeded)
        {
            return Failed(updated);
        }

        await signIn.RefreshSignInAsync(account);
        return AccountResult.Success;
    }

    public async Task<AccountResult> ChangePasswordAsync(Guid accountId, string currentPassword, string newPassword, CancellationToken cancellationToken)
    {
        var account = await users.FindByIdAsync(accountId.ToString());
        if (account is null)
        {
            return AccountResult.Failed("The account no longer exists.");
        }

        if (await users.IsLockedOutAsync(account))
        {
            return AccountResult.Failed(AccountsExtensions.LockedOutMessage);
        }

        var changed = await users.ChangePasswordAsync(account, currentPassword, newPassword);
        if (changed.Errors.Any(error => error.Code == nameof(IdentityErrorDescriber.PasswordMismatch)))
        {
            await users.AccessFailedAsync(account);
            return AccountResult.Failed(await users.IsLockedOutAsync(account) ? AccountsExtensions.LockedOutMessage : "The current password is wrong.");
        }

        if (!changed.Succeeded)
        {
            return Failed(changed);
        }

        await users.ResetAccessFailedCountAsync(account);
        // The change gave the account a new security stamp: this session gets a cookie with it.
        await signIn.RefreshSignInAsync(account);
        return AccountResult.Success;
    }

    private bool IsConfiguredAdmin(string? email) =>
        email is not null && options.Value.AdminEmails.Contains(email, StringComparer.OrdinalIgnoreCase);

    private async Task MakeAdminAsync(Account account)
    {
        if (!await roles.RoleExistsAsync(AccountRoles.Admin))
        {
            await roles.CreateAsync(new IdentityRole<Guid>(AccountRoles.Admin));
        }

        await users.AddToRoleAsync(account, AccountRoles.Admin);
    }

    /// <summary>Identity's messages, with the duplicate-name one (our user name is the email) said once.</summary>
    private static AccountResult Failed(IdentityResult result) =>
        new(result.Errors
            .Where(error => error.Code != nameof(IdentityErrorDescriber.DuplicateUserName))
            .Select(error => error.Code == nameof(IdentityErrorDescriber.DuplicateEmail)
                ? "An account with this email already exists. Sign in, or reset its password."
                : error.Description)
            .ToList());
}
