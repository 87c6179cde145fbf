using System.ComponentModel.DataAnnotations;

namespace TagMyStock.Web.Features.Accounts;

/// <summary>
/// The one rule for a password a person chooses (sign-up, reset, change): <see cref="MinimumLength"/> characters or more,
/// no composition rules (NIST SP 800-63B). Identity's own check uses the same length.
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class NewPasswordAttribute : StringLengthAttribute
{
    public new const int MinimumLength = 8;

    public NewPasswordAttribute()
        : base(200)
    {
        base.MinimumLength = MinimumLength;
        ErrorMessage = $"Use at least {MinimumLength} characters.";
    }
}
