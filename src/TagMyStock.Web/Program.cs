using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Upload;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;
using TagMyStock.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebPlatform();
builder.AddDatabase();
builder.AddBlobStorage();
builder.AddAccounts();
builder.AddGallery();
builder.AddUpload();

var app = builder.Build();

if (args is ["migrate", ..])
{
    await app.MigrateDatabaseAsync(app.Lifetime.ApplicationStopping);
    return;
}

app.UseWebPlatform();
app.MapHealth();
app.MapBlobLinks();
app.MapAccounts();
app.MapGallery();
app.MapUpload();
app.MapPages();

await app.MigrateDatabaseOnStartAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The web host's entry point, public so integration tests can start it.</summary>
public partial class Program;
