using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace TagMyStock.Web.Features.Accounts;

public sealed partial class AccountTests
{
    [Theory, ClassData(typeof(Databases))]
    public async Task Sign_up_signs_in_with_a_secure_httponly_lax_session_cookie(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = app.NewClient();

        var response = await Users.SignUpAsync(client, "Ada Lovelace", "ada@example.com");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/gallery", response.RedirectPath());
        var session = Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("tms_session=", StringComparison.Ordinal));
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", session, StringComparison.OrdinalIgnoreCase);
        var gallery = await client.GetAsync("/gallery", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, gallery.StatusCode);
        Assert.Contains("Ada Lovelace", await gallery.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_first_account_and_configured_emails_are_admins_and_nobody_else(Database database)
    {
        await using var app = await TestApp.StartAsync(database, new Dictionary<string, string?> { ["TagMyStock:Accounts:AdminEmails:0"] = "boss@example.com" });
        await Users.SignUpAsync(app.NewClient(), "First", "first@example.com");
        await Users.SignUpAsync(app.NewClient(), "Second", "second@example.com");
        await Users.SignUpAsync(app.NewClient(), "Boss", "BOSS@example.com");

        var admins = await app.WithScopeAsync(async services =>
            (await services.GetRequiredService<UserManager<Account>>().GetUsersInRoleAsync(AccountRoles.Admin)).Select(a => a.Email).Order(StringComparer.Ordinal).ToList());

        Assert.Equal(["BOSS@example.com", "first@example.com"], admins);
    }

    [Fact]
    public async Task Sign_up_with_a_taken_email_or_a_short_password_says_why()
    {
        await using var app = await TestApp.StartAsync();
        await Users.SignUpAsync(app.NewClient(), "Ada", "ada@example.com");

        var taken = await Users.SignUpAsync(app.NewClient(), "Other", "ADA@example.com");
        var shortPassword = await Users.SignUpAsync(app.NewClient(), "Other", "other@example.com", "short");

        Assert.Equal(HttpStatusCode.OK, taken.StatusCode);
        Assert.Contains("An account with this email already exists", await taken.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Use at least 8 characters.", await shortPassword.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(TestContext.Current.CancellationToken)));
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Sign_in_and_out(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        await Users.SignUpAsync(app.NewClient(), "Ada", "ada@example.com");
        var client = app.NewClient();

        var wrong = await Users.SignInAsync(client, "ada@example.com", "not the password");
        var right = await Users.SignInAsync(client, "ada@example.com");

        Assert.Contains("The email or password is wrong.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, right.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gallery", TestContext.Current.CancellationToken)).StatusCode);

        var home = await client.GetStringAsync("/", TestContext.Current.CancellationToken);
        var signOut = await client.PostAsync("/account/signout", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Forms.AntiforgeryToken(home) }), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        await Users.AssertSignedOutAsync(client);
    }

    [Fact]
    public async Task Sign_in_after_the_return_url_goes_back_only_to_a_local_page()
    {
        await using var app = await TestApp.StartAsync();
        await Users.SignUpAsync(app.NewClient(), "Ada", "ada@example.com");

        var local = await Forms.SubmitAsync(app.NewClient(), "/account/signin?ReturnUrl=%2Faccount%2Fprofile", "signin", new Dictionary<string, string> { ["Input.Email"] = "ada@example.com", ["Input.Password"] = Users.Password });
        var foreign = await Forms.SubmitAsync(app.NewClient(), "/account/signin?ReturnUrl=https%3A%2F%2Fevil.example%2F", "signin", new Dictionary<string, string> { ["Input.Email"] = "ada@example.com", ["Input.Password"] = Users.Password });

        Assert.Equal("/account/profile", local.RedirectPath());
        Assert.Equal("/gallery", foreign.RedirectPath());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await using var app = await TestApp.StartAsync();
        await Users.SignUpAsync(app.NewClient(), "Ada", "ada@example.com");
        var client = app.NewClient();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Users.SignInAsync(client, "ada@example.com", "wrong password");
        }

        var right = await Users.SignInAsync(client, "ada@example.com");

        Assert.Equal(HttpStatusCode.OK, right.StatusCode);
        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Credential_forms_are_rate_limited_per_client_address()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["TagMyStock:Accounts:CredentialAttemptsPerMinute"] = "3" });
        var client = app.NewClient();

        var statuses = new List<HttpStatusCode>();
        for (var attempt = 0; attempt < 4; attempt++)
        {
            statuses.Add((await Users.SignInAsync(client, "nobody@example.com", "whatever1")).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/account/signin", TestContext.Current.CancellationToken)).StatusCode);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Password_reset_by_emailed_link(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        await Users.SignUpAsync(app.NewClient(), "Ada", "ada@example.com");
        var client = app.NewClient();

        var unknown = await Forms.SubmitAsync(client, "/account/forgot", "forgot", new Dictionary<string, string> { ["Input.Email"] = "nobody@example.com" });
        var known = await Forms.SubmitAsync(client, "/account/forgot", "forgot", new Dictionary<string, string> { ["Input.Email"] = "ada@example.com" });

        // Both answers are the same, so the form cannot tell who has an account.
        Assert.Contains("If an account uses that address", await unknown.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("If an account uses that address", await known.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var mail = Assert.Single(Directory.GetFiles(Path.Combine(app.DataDirectory, "mail"), "*.eml"));
        var message = await MimeKit.MimeMessage.LoadAsync(mail, TestContext.Current.CancellationToken);
        Assert.Equal("ada@example.com", message.To.Mailboxes.Single().Address);
        var link = new Uri(ResetLink().Match(message.TextBody ?? "").Value);

        var reset = await Forms.SubmitAsync(client, link.PathAndQuery, "reset", new Dictionary<string, string> { ["Input.Password"] = "a brand new secret" });
        Assert.Contains("Your password is changed.", await reset.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);

        Assert.Equal(HttpStatusCode.OK, (await Users.SignInAsync(app.NewClient(), "ada@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Users.SignInAsync(app.NewClient(), "ada@example.com", "a brand new secret")).StatusCode);

        var reused = await Forms.SubmitAsync(client, link.PathAndQuery, "reset", new Dictionary<string, string> { ["Input.Password"] = "yet another secret" });
        Assert.Contains("expired or was already used", await reused.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_corrects_name_and_email(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app, "Ada", "ada@example.com");

        var saved = await Forms.SubmitAsync(client, "/account/profile", "profile", new Dictionary<string, string> { ["Input.Name"] = "Ada King", ["Input.Email"] = "ada.king@example.com" });

        Assert.Contains("Saved.", await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Ada King", await client.GetStringAsync("/gallery", TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await Users.SignInAsync(app.NewClient(), "ada.king@example.com")).StatusCode);
    }

    [Fact]
    public async Task Profile_refuses_an_email_another_account_uses()
    {
        await using var app = await TestApp.StartAsync();
        await Users.SignUpAsync(app, "Bob", "bob@example.com");
        var client = await Users.SignUpAsync(app, "Ada", "ada@example.com");

        var saved = await Forms.SubmitAsync(client, "/account/profile", "profile", new Dictionary<string, string> { ["Input.Name"] = "Ada", ["Input.Email"] = "bob@example.com" });

        Assert.Contains("An account with this email already exists", await saved.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task Profile_changes_the_password_and_keeps_this_session(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app, "Ada", "ada@example.com");

        var wrong = await Forms.SubmitAsync(client, "/account/profile", "password", new Dictionary<string, string> { ["Password.Current"] = "not the password", ["Password.New"] = "a brand new secret" });
        var tooShort = await Forms.SubmitAsync(client, "/account/profile", "password", new Dictionary<string, string> { ["Password.Current"] = Users.Password, ["Password.New"] = "short" });
        var changed = await Forms.SubmitAsync(client, "/account/profile", "password", new Dictionary<string, string> { ["Password.Current"] = Users.Password, ["Password.New"] = "a brand new secret" });

        Assert.Contains("The current password is wrong.", await wrong.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Contains("Use at least 8 characters.", await tooShort.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        var page = await changed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.Contains("Your password is changed.", page, StringComparison.Ordinal);
        Assert.DoesNotContain("a brand new secret", page, StringComparison.Ordinal);
        // The profile form still shows the account while the other form was posted.
        Assert.Contains("value=\"ada@example.com\"", page, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gallery", TestContext.Current.CancellationToken)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await Users.SignInAsync(app.NewClient(), "ada@example.com")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await Users.SignInAsync(app.NewClient(), "ada@example.com", "a brand new secret")).StatusCode);
    }

    [Fact]
    public async Task A_changed_password_signs_out_the_accounts_other_sessions_when_they_are_next_checked()
    {
        // Sessions are checked against the account every 30 minutes; here at every request.
        await using var app = await TestApp.StartAsync(services: services => services.Configure<SecurityStampValidatorOptions>(options => options.ValidationInterval = TimeSpan.Zero));
        var client = await Users.SignUpAsync(app, "Ada", "ada@example.com");
        var otherBrowser = app.NewClient();
        await Users.SignInAsync(otherBrowser, "ada@example.com");
        Assert.Equal(HttpStatusCode.OK, (await otherBrowser.GetAsync("/gallery", TestContext.Current.CancellationToken)).StatusCode);

        await Forms.SubmitAsync(client, "/account/profile", "password", new Dictionary<string, string> { ["Password.Current"] = Users.Password, ["Password.New"] = "a brand new secret" });

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/gallery", TestContext.Current.CancellationToken)).StatusCode);
        await Users.AssertSignedOutAsync(otherBrowser);
    }

    [Fact]
    public async Task Wrong_current_passwords_lock_the_account_as_at_sign_in()
    {
        await using var app = await TestApp.StartAsync();
        var client = await Users.SignUpAsync(app, "Ada", "ada@example.com");

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await Forms.SubmitAsync(client, "/account/profile", "password", new Dictionary<string, string> { ["Password.Current"] = $"guess number {attempt}", ["Password.New"] = "a brand new secret" });
        }

        var right = await Forms.SubmitAsync(client, "/account/profile", "password", new Dictionary<string, string> { ["Password.Current"] = Users.Password, ["Password.New"] = "a brand new secret" });

        Assert.Contains("locked for 15 minutes", await right.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await Users.SignInAsync(app.NewClient(), "ada@example.com")).StatusCode);
    }

    [GeneratedRegex(@"https?://\S+/account/reset\?\S+")]
    private static partial Regex ResetLink();
}
