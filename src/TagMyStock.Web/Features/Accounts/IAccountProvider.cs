namespace TagMyStock.Web.Features.Accounts;

/// <summary>
/// Who holds the credentials: local accounts (ASP.NET Core Identity in our database) by default,
/// Appwrite when configured. Either way the app issues its own session cookie after a successful
/// sign-in and keeps an <see cref="Account"/> row per user.
/// </summary>
public interface IAccountProvider
{
    Task<AccountResult> SignUpAsync(string displayName, string email, string password, CancellationToken cancellationToken);

    Task<SignInOutcome> SignInAsync(string email, string password, bool remember, CancellationToken cancellationToken);

    Task SignOutAsync();

    /// <summary>Sends a reset link when the email belongs to an account; says nothing either way, so the form cannot probe for accounts.</summary>
    Task RequestPasswordResetAsync(string email, Func<string, string, string> resetLink, CancellationToken cancellationToken);

    Task<AccountResult> ResetPasswordAsync(string email, string token, string newPassword, CancellationToken cancellationToken);

    Task<AccountResult> UpdateProfileAsync(Guid accountId, string displayName, string email, CancellationToken cancellationToken);

    /// <summary>
    /// Replaces the password when the current one is given right; wrong ones count towards the lockout, as at sign-in,
    /// so a session left open cannot be used to guess it. This session stays signed in.
    /// </summary>
    Task<AccountResult> ChangePasswordAsync(Guid accountId, string currentPassword, string newPassword, CancellationToken cancellationToken);
}

/// <summary>Success, or the reasons a person can act on.</summary>
public sealed record AccountResult(IReadOnlyList<string> Errors)
{
    public static AccountResult Success { get; } = new([]);

    public bool Succeeded => Errors.Count == 0;

    public static AccountResult Failed(params string[] errors) => new(errors);
}

public enum SignInOutcome
{
    SignedIn,
    InvalidCredentials,
    LockedOut,
}
