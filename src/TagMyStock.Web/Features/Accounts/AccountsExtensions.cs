using System.Security.Claims;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using TagMyStock.Web.Components;
using TagMyStock.Web.Features.Accounts.Mail;
using TagMyStock.Web.Infrastructure;
using TagMyStock.Web.Infrastructure.Data;

namespace TagMyStock.Web.Features.Accounts;

public static class AccountsExtensions
{
    /// <summary>Rate-limiting policy of the sign-in, sign-up and reset forms: counts POSTs per client address.</summary>
    public const string CredentialsRateLimit = "credentials";

    /// <summary>The only cookie set before consent: the session, HttpOnly and SameSite=Lax.</summary>
    public const string SessionCookieName = "tms_session";

    /// <summary>What a locked account is told, wherever a password was tried (the lockout is set below).</summary>
    public const string LockedOutMessage = "Too many wrong passwords: this account is locked for 15 minutes. Reset the password to unlock it now.";

    public static IHostApplicationBuilder AddAccounts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<AccountOptions>().BindConfiguration(AccountOptions.Section);
        builder.Services.AddOptions<MailOptions>().BindConfiguration(MailOptions.Section);

        builder.Services
            .AddIdentity<Account, IdentityRole<Guid>>(options =>
            {
                // NIST SP 800-63B: length over composition rules.
                options.Password.RequiredLength = NewPasswordAttribute.MinimumLength;
                options.Password.RequireDigit = false;
                options.Password.RequireLowercase = false;
                options.Password.RequireUppercase = false;
                options.Password.RequireNonAlphanumeric = false;
                options.User.RequireUniqueEmail = true;
                options.Lockout.MaxFailedAccessAttempts = 5;
                options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                options.Lockout.AllowedForNewUsers = true;
            })
            .AddEntityFrameworkStores<AppDbContext>()
            .AddDefaultTokenProviders()
            .AddClaimsPrincipalFactory<AccountClaimsFactory>();
        builder.Services.Configure<DataProtectionTokenProviderOptions>(options => options.TokenLifespan = TimeSpan.FromDays(1));

        var development = builder.Environment.IsDevelopment();
        builder.Services.ConfigureApplicationCookie(options =>
        {
            options.Cookie.Name = SessionCookieName;
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = development ? CookieSecurePolicy.SameAsRequest : CookieSecurePolicy.Always;
            options.LoginPath = "/account/signin";
            options.LogoutPath = "/account/signout";
            options.AccessDeniedPath = "/account/denied";
            options.ExpireTimeSpan = TimeSpan.FromDays(14);
            options.SlidingExpiration = true;
            options.Events.OnSigningIn = context =>
            {
                SessionAntiforgery.AddSecret(context.Properties);
                return Task.CompletedTask;
            };
            options.Events.OnRedirectToLogin = context => ApiStatusOrRedirect(context, StatusCodes.Status401Unauthorized);
            options.Events.OnRedirectToAccessDenied = context => ApiStatusOrRedirect(context, StatusCodes.Status403Forbidden);
        });
        // Antiforgery bound to the session instead of a cookie of its own: see SessionAntiforgery.
        builder.Services.Replace(ServiceDescriptor.Singleton<IAntiforgery, SessionAntiforgery>());
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddAuthorizationBuilder().AddPolicy(AccountRoles.AdminPolicy, policy => policy.RequireRole(AccountRoles.Admin));
        builder.Services.AddScoped<IAccountProvider, LocalAccountProvider>();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<IMailSender>(services =>
            string.IsNullOrWhiteSpace(services.GetRequiredService<IOptions<MailOptions>>().Value.Host)
                ? ActivatorUtilities.CreateInstance<FolderMailSender>(services, Path.Combine(services.GetRequiredService<IOptions<TagMyStockOptions>>().Value.DataPath, "mail"))
                : ActivatorUtilities.CreateInstance<SmtpMailSender>(services));

        var limits = builder.Configuration.GetSection(AccountOptions.Section).Get<AccountOptions>() ?? new AccountOptions();
        builder.Services.AddRateLimiter(options => options.AddPolicy(CredentialsRateLimit, context =>
            HttpMethods.IsPost(context.Request.Method)
                ? RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limits.CredentialAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) })
                : RateLimitPartition.GetNoLimiter("read")));
        return builder;
    }

    public static IEndpointRouteBuilder MapAccounts(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/account/signout", async ([FromForm] string? returnUrl, IAccountProvider accounts) =>
        {
            await accounts.SignOutAsync();
            return TypedResults.LocalRedirect(LocalUrl.OrDefault(returnUrl, "/"));
        });
        return routes;
    }

    private static Task ApiStatusOrRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }

        return Task.CompletedTask;
    }
}

public sealed class AccountOptions
{
    public const string Section = "TagMyStock:Accounts";

    /// <summary>Emails that get the admin role at sign-up or next sign-in; the first account always does.</summary>
    public IReadOnlyList<string> AdminEmails { get; set; } = [];

    public int CredentialAttemptsPerMinute { get; set; } = 10;
}

/// <summary>Adds the display name to the session so pages can greet without a query.</summary>
internal sealed class AccountClaimsFactory(
    UserManager<Account> users,
    RoleManager<IdentityRole<Guid>> roles,
    IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<Account, IdentityRole<Guid>>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(Account user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AccountClaims.DisplayName, user.DisplayName));
        return identity;
    }
}
