using TagMyStock.Web.Features.Accounts;
using TagMyStock.Web.Features.Editor;
using TagMyStock.Web.Features.Export;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Features.Gallery.Upload;
using TagMyStock.Web.Features.Generation;
using TagMyStock.Web.Features.Generation.Fal;
using TagMyStock.Web.Features.ImageEditing;
using TagMyStock.Web.Features.Jobs;
using TagMyStock.Web.Features.Settings;
using TagMyStock.Web.Features.Tagging;
using TagMyStock.Web.Features.Tagging.OpenRouter;
using TagMyStock.Web.Infrastructure.Data;
using TagMyStock.Web.Infrastructure.Storage;
using TagMyStock.Web.Infrastructure.Web;

var builder = WebApplication.CreateBuilder(args);

builder.AddWebPlatform();
builder.AddDatabase();
builder.AddBlobStorage();
builder.AddJobs();
builder.AddAccounts();
builder.AddGallery();
builder.AddUpload();
builder.AddAccountSettings();
builder.AddTagging();
builder.AddOpenRouterTagging();
builder.AddFal();
builder.AddGeneration();
builder.AddImageEditing();
builder.AddEditor();
builder.AddExport();

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
app.MapJobs();
app.MapAccountSettings();
app.MapTagging();
app.MapFal();
app.MapGeneration();
app.MapImageEditing();
app.MapEditor();
app.MapExport();
app.MapPages();

await app.MigrateDatabaseOnStartAsync(app.Lifetime.ApplicationStopping);
await app.RunAsync();

/// <summary>The web host's entry point, public so integration tests can start it.</summary>
public partial class Program;
