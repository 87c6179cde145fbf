using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Preparation;
using TagMyStock.Imaging.Reading;
using TagMyStock.Web.Infrastructure.Storage;

namespace TagMyStock.Web.Features.Export;

public sealed class ExportTests
{
    private const string Espresso = "espresso-cup-on-wooden-table.jpg";
    private const string WaterDrop = "water-drop-splash-crown.jpg";

    /// <summary>Not a picture a browser shows, but a file every tool takes for WebP, which the embedder does not write.</summary>
    private static readonly byte[] WebP = [.. "RIFF"u8, 26, 0, 0, 0, .. "WEBPVP8L"u8, 13, 0, 0, 0, 0x2F, 0, 0, 0, 0x10, 0x07, 0x10, 0x11, 0x11, 0x88, 0x88, 0xFE, 0x07, 0];

    private static void Describe(ContentFlags flags, Gallery.StockImage image)
    {
        image.Title = "Espresso cup, on a rustic wooden table with coffee beans scattered in warm morning light";
        image.Description = "A small cup of espresso on an old oak table.";
        image.Keywords = ["espresso", "coffee", "cup", "Coffee", "table", "morning", "beans", "drink", "café"];
        image.Categories = new Dictionary<string, string>(StringComparer.Ordinal) { ["adobe"] = "4", ["shutterstock"] = "Food and Drink" };
        image.Flags = flags;
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_csv_is_exactly_what_cores_writer_makes_of_the_agencys_prepared_metadata(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var espresso = await Images.AddAsync(app, ada.Id, Espresso, image => Describe(ContentFlags.Editorial, image));
        var drop = await Images.AddAsync(app, ada.Id, WaterDrop, image => image.Keywords = ["water", "drop", "splash"]);

        foreach (var agency in new[] { AgencyCatalog.Find("adobe")!, AgencyCatalog.Find("shutterstock")! })
        {
            var response = await ada.Client.GetAsync($"/api/export/csv?agency={agency.Id}&ids={espresso},{drop}", TestContext.Current.CancellationToken);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(agency.Csv!.Value.FileName, response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
            var expected = new StringWriter();
            var rows = new List<CsvRow>();
            foreach (var id in new[] { espresso, drop })
            {
                var image = await Images.GetAsync(app, id);
                var name = AgencyFileNames.Accepts(agency, image.FileName) ? image.FileName : AgencyFileNames.SafeName(image.FileName, [agency]);
                rows.Add(new CsvRow(name, AgencyPreparation.Prepare(name, image.Metadata, [agency], rules: null).For(agency).Metadata));
            }

            AgencyCsvWriter.Write(expected, agency, rows);
            var actual = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken));
            Assert.Equal(expected.ToString(), actual);
            Assert.StartsWith(agency.Csv.Value.Header + "\r\n", actual, StringComparison.Ordinal);
            Assert.Equal(3, actual.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        }
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task The_zip_holds_each_original_with_its_metadata_embedded_and_a_webp_unchanged_with_the_reason(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var ada = await Contributor.SignUpAsync(app);
        var espresso = await Images.AddAsync(app, ada.Id, Espresso, image => Describe(ContentFlags.None, image));
        var webp = await Images.AddAsync(app, ada.Id, "swirl.webp", WebP, image => image.Title = "Swirl");

        var response = await ada.Client.GetAsync($"/api/export/zip?agency=adobe&ids={espresso}&ids={webp}", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/zip", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("tagmystock-adobe.zip", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var zipBytes = await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
        using var zip = new ZipArchive(new MemoryStream(zipBytes), ZipArchiveMode.Read);
        Assert.Equal(["adobe-stock.csv", "EspressoCupOnWoodenTable.jpg", "swirl.webp", "report.txt"], zip.Entries.Select(entry => entry.FullName));

        var embedded = Read(zip, "EspressoCupOnWoodenTable.jpg");
        var adobe = AgencyCatalog.Find("adobe")!;
        var expected = AgencyPreparation.Prepare("EspressoCupOnWoodenTable.jpg", (await Images.GetAsync(app, espresso)).Metadata, [adobe], rules: null).For(adobe).Metadata;
        var path = Path.Combine(app.DataDirectory, "read-back.jpg");
        await File.WriteAllBytesAsync(path, embedded, TestContext.Current.CancellationToken);
        var readBack = EmbeddedMetadataReader.Read(path).Metadata;
        Assert.Equal(expected.Title, readBack.Title);
        Assert.Equal(expected.Keywords, readBack.Keywords);
        Assert.True(readBack.Title.Length <= 70, readBack.Title);
        var original = await File.ReadAllBytesAsync(Images.SamplePath(Espresso), TestContext.Current.CancellationToken);
        Assert.True(ScanData(original).SequenceEqual(ScanData(embedded)), "The JPEG's scan data changed.");

        Assert.Equal(WebP, Read(zip, "swirl.webp"));
        var report = Encoding.UTF8.GetString(Read(zip, "report.txt"));
        Assert.Contains("swirl.webp: copied unchanged, without embedded metadata", report, StringComparison.Ordinal);
        Assert.DoesNotContain("EspressoCupOnWoodenTable.jpg", report, StringComparison.Ordinal);
        var csv = Encoding.UTF8.GetString(Read(zip, "adobe-stock.csv"));
        Assert.Contains("\r\nEspressoCupOnWoodenTable.jpg,", csv, StringComparison.Ordinal);
        Assert.Contains("\r\nswirl.webp,Swirl,", csv, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_zip_response_starts_before_the_last_original_is_read()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);
        var first = await Images.AddAsync(app, ada.Id, Espresso);
        var last = await Images.AddAsync(app, ada.Id, WaterDrop);
        var lastKey = (await Images.GetAsync(app, last)).OriginalKey;
        var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var gated = app.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
        {
            var inner = services.Single(service => service.ServiceType == typeof(IBlobStore));
            services.Remove(inner);
            services.AddSingleton<IBlobStore>(provider => new GatedBlobStore((IBlobStore)inner.ImplementationFactory!(provider), lastKey, release.Task));
        }));
        var client = gated.CreateClient(new() { BaseAddress = new Uri("https://tagmystock.test"), AllowAutoRedirect = false });
        await Users.SignInAsync(client, ada.Email);

        var response = await client.GetAsync($"/api/export/zip?ids={first},{last}", HttpCompletionOption.ResponseHeadersRead, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        release.SetResult();
        using var zip = new ZipArchive(new MemoryStream(await response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken)), ZipArchiveMode.Read);
        Assert.Equal([Espresso, WaterDrop], zip.Entries.Select(entry => entry.FullName));
    }

    [Fact]
    public async Task Another_accounts_ids_are_not_exported_and_alone_are_not_found()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app, "Ada");
        var bob = await Contributor.SignUpAsync(app, "Bob");
        var adas = await Images.AddAsync(app, ada.Id, Espresso, image => image.Title = "Ada's espresso");
        var bobs = await Images.AddAsync(app, bob.Id, WaterDrop, image => image.Title = "Bob's drop");

        var csvOfAdas = await bob.Client.GetAsync($"/api/export/csv?agency=adobe&ids={adas}", TestContext.Current.CancellationToken);
        var zipOfAdas = await bob.Client.GetAsync($"/api/export/zip?ids={adas}", TestContext.Current.CancellationToken);
        var mixed = await bob.Client.GetStringAsync($"/api/export/csv?agency=adobe&ids={adas},{bobs}", TestContext.Current.CancellationToken);
        var wholeGallery = await bob.Client.GetStringAsync("/api/export/csv?agency=adobe", TestContext.Current.CancellationToken);
        var mixedZip = await bob.Client.GetByteArrayAsync($"/api/export/zip?ids={adas},{bobs}", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, csvOfAdas.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, zipOfAdas.StatusCode);
        Assert.Contains("Bob's drop", mixed, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada's", mixed, StringComparison.Ordinal);
        Assert.DoesNotContain("Ada's", wholeGallery, StringComparison.Ordinal);
        using var zip = new ZipArchive(new MemoryStream(mixedZip), ZipArchiveMode.Read);
        Assert.Equal([WaterDrop], zip.Entries.Select(entry => entry.FullName));
    }

    [Fact]
    public async Task An_unknown_agency_or_id_is_refused_with_a_reason()
    {
        await using var app = await TestApp.StartAsync();
        var ada = await Contributor.SignUpAsync(app);

        var noAgency = await ada.Client.GetAsync("/api/export/csv", TestContext.Current.CancellationToken);
        var badId = await ada.Client.GetAsync("/api/export/zip?ids=not-an-id", TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, noAgency.StatusCode);
        Assert.Contains("Choose the agency whose CSV you want", await noAgency.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);
        using var problem = JsonDocument.Parse(await badId.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.Equal("\"not-an-id\" is not an image id.", problem.RootElement.GetProperty("errors").GetProperty("ids")[0].GetString());
    }

    private static byte[] Read(ZipArchive zip, string name)
    {
        using var entry = zip.GetEntry(name)!.Open();
        using var copy = new MemoryStream();
        entry.CopyTo(copy);
        return copy.ToArray();
    }

    /// <summary>Everything from the JPEG's start-of-scan marker on: the compressed pixels, which embedding must not touch.</summary>
    private static ReadOnlySpan<byte> ScanData(byte[] jpeg)
    {
        var position = 2;
        while (jpeg[position + 1] != 0xDA)
        {
            position += 2 + BinaryPrimitives.ReadUInt16BigEndian(jpeg.AsSpan(position + 2));
        }

        return jpeg.AsSpan(position);
    }

    /// <summary>Holds back the read of one blob until the test has seen the response start.</summary>
    private sealed class GatedBlobStore(IBlobStore inner, string gatedKey, Task release) : IBlobStore
    {
        public async Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken)
        {
            if (key == gatedKey)
            {
                // A buffered response would wait here for ever; fail instead.
                await release.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
            }

            return await inner.OpenReadAsync(key, cancellationToken);
        }

        public Task PutAsync(string key, Stream content, string contentType, CancellationToken cancellationToken) => inner.PutAsync(key, content, contentType, cancellationToken);

        public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => inner.ExistsAsync(key, cancellationToken);

        public Task DeleteAsync(string key, CancellationToken cancellationToken) => inner.DeleteAsync(key, cancellationToken);

        public IAsyncEnumerable<string> ListAsync(string prefix, CancellationToken cancellationToken) => inner.ListAsync(prefix, cancellationToken);
    }
}
