using System.Security.Claims;
using Microsoft.AspNetCore.Identity;

namespace TagMyStock.Web.Features.Accounts;

/// <summary>A contributor's account: the name and email the privacy policy says we keep, nothing more.</summary>
public sealed class Account : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

public static class AccountRoles
{
    public const string Admin = "Admin";

    /// <summary>The authorization policy of admin-only pages: the <see cref="Admin"/> role.</summary>
    public const string AdminPolicy = "admin";
}

public static class AccountClaims
{
    public const string DisplayName = "tms:name";

    /// <summary>The signed-in account's id; throws on an anonymous principal, which authorization should have stopped.</summary>
    public static Guid AccountId(this ClaimsPrincipal user) =>
        Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id)
            ? id
            : throw new InvalidOperationException("The request has no signed-in account.");

    public static string DisplayNameOf(this ClaimsPrincipal user) =>
        user.FindFirstValue(DisplayName) ?? user.Identity?.Name ?? "";
}
