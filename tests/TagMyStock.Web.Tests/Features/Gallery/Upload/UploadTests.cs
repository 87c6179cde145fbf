using System.Buffers.Binary;
using System.IO.Compression;
using System.Net;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using NetVips;
using TagMyStock.Core.Metadata;
using TagMyStock.Web.Features.Gallery;
using TagMyStock.Web.Infrastructure.Storage;
using TagMyStock.Web.Infrastructure.Web;

namespace TagMyStock.Web.Features.Gallery.Upload;

public sealed class UploadTests
{
    private static readonly string[] SampleNames =
    [
        "abstract-teal-orange-swirl.png",
        "dune-grass-by-the-sea.jpg",
        "espresso-cup-on-wooden-table.jpg",
        "ladybird-on-grass-stem-among-forget-me-nots.jpg",
        "rocket-on-launch-pad-at-dusk.jpg",
        "storm-clouds-over-empty-highway.jpg",
        "tabby-cat-with-green-eyes.png",
        "water-drop-splash-crown.jpg",
    ];

    [Theory, ClassData(typeof(Databases))]
    public async Task The_samples_are_stored_with_their_size_format_original_and_embedded_metadata(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app);

        var results = await Uploads.UploadAsync(client, [.. SampleNames.Select(name => (name, Uploads.Sample(name)))]);

        Assert.Equal(SampleNames, results.Select(result => result.FileName));
        Assert.All(results, result => Assert.True(result.Status == UploadResult.StoredStatus, $"{result.FileName}: {result.Reason}"));
        var images = await app.WithDbAsync(db => db.Set<StockImage>().AsNoTracking().ToDictionaryAsync(image => image.FileName, TestContext.Current.CancellationToken));
        var cat = images["tabby-cat-with-green-eyes.png"];
        Assert.Equal(("png", 451, 300, 240512L), (cat.Format, cat.Width, cat.Height, cat.ByteSize));
        Assert.EndsWith("/original.png", cat.OriginalKey, StringComparison.Ordinal);
        var ladybird = images["ladybird-on-grass-stem-among-forget-me-nots.jpg"];
        Assert.Equal("jpeg", ladybird.Format);
        Assert.NotEmpty(ladybird.Title);
        Assert.Equal(10, ladybird.Keywords.Count);
        var generated = images["abstract-teal-orange-swirl.png"];
        Assert.False(string.IsNullOrWhiteSpace(generated.GenerationPrompt));
        var blobs = app.Services.GetRequiredService<IBlobStore>();
        foreach (var image in images.Values)
        {
            await using var original = await blobs.OpenReadAsync(image.OriginalKey, TestContext.Current.CancellationToken);
            Assert.NotNull(original);
            Assert.Equal(image.ByteSize, original.Length);
        }
    }

    [Fact]
    public async Task A_webp_is_stored_as_webp()
    {
        await using var app = await TestApp.StartAsync();
        var client = await Users.SignUpAsync(app);
        byte[] webp;
        using (var image = Image.NewFromBuffer(Uploads.Sample("espresso-cup-on-wooden-table.jpg")))
        {
            webp = image.WebpsaveBuffer(q: 80);
        }

        var id = await Uploads.UploadOneAsync(client, "cup.webp", webp);

        var stored = await app.WithDbAsync(db => db.Set<StockImage>().SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken));
        Assert.Equal(("webp", 600, 400), (stored.Format, stored.Width, stored.Height));
        Assert.Equal(DerivativeState.Ready, (await Uploads.WaitForDerivativesAsync(app, id)).Derivatives);
    }

    [Theory, ClassData(typeof(Databases))]
    public async Task A_mixed_batch_answers_each_file_in_order_and_refuses_only_the_bad_ones(Database database)
    {
        await using var app = await TestApp.StartAsync(database);
        var client = await Users.SignUpAsync(app);
        var jpeg = Uploads.Sample("rocket-on-launch-pad-at-dusk.jpg");

        var results = await Uploads.UploadAsync(
            client,
            ("rocket.jpg", jpeg),
            ("notes.txt", Encoding.UTF8.GetBytes("Keywords for the rocket shoot: launch, dusk, pad.")),
            ("report.jpg", Encoding.ASCII.GetBytes("%PDF-1.7\n%âãÏÓ\n1 0 obj")),
            ("cat.jpg", Uploads.Sample("tabby-cat-with-green-eyes.png")),
            ("cut-off.jpg", jpeg[..(jpeg.Length / 2)]),
            ("empty.png", []));

        Assert.Equal(["rocket.jpg", "notes.txt", "report.jpg", "cat.jpg", "cut-off.jpg", "empty.png"], results.Select(result => result.FileName));
        Assert.Equal(["stored", "refused", "refused", "stored", "refused", "refused"], results.Select(result => result.Status));
        Assert.Equal("not a JPEG, PNG or WebP image (the bytes look like text)", results[1].Reason);
        Assert.Equal("not a JPEG, PNG or WebP image (the bytes look like a PDF)", results[2].Reason);
        Assert.StartsWith("the file is damaged: ", results[4].Reason, StringComparison.Ordinal);
        Assert.Equal("the file is empty", results[5].Reason);
        var cat = await app.WithDbAsync(db => db.Set<StockImage>().SingleAsync(i => i.Id == results[3].ImageId, TestContext.Current.CancellationToken));
        Assert.Equal("png", cat.Format);
        Assert.EndsWith("/original.png", cat.OriginalKey, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.Set<StockImage>().CountAsync(TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused_and_the_next_one_stored()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["TagMyStock:Upload:MaxFileBytes"] = "100000" });
        var client = await Users.SignUpAsync(app);

        var results = await Uploads.UploadAsync(
            client,
            ("dune.jpg", Uploads.Sample("dune-grass-by-the-sea.jpg")),
            ("cup.jpg", Uploads.Sample("espresso-cup-on-wooden-table.jpg")));

        Assert.Equal(UploadResult.Refused("dune.jpg", "larger than 97.7 KB"), results[0]);
        Assert.Equal(UploadResult.StoredStatus, results[1].Status);
        Assert.Empty(Directory.EnumerateFiles(Path.Combine(app.DataDirectory, "uploads")));
    }

    [Fact]
    public async Task A_decompression_bomb_is_refused_from_its_header_without_decoding()
    {
        await using var app = await TestApp.StartAsync();
        var client = await Users.SignUpAsync(app);

        // 30,000 × 30,000 RGB declared, 100 bytes of pixel data: decoding would fail as damaged, so the
        // size reason proves the header alone decided.
        var results = await Uploads.UploadAsync(client, ("bomb.png", PngDeclaring(30_000, 30_000)));

        Assert.Equal(UploadResult.Refused("bomb.png", "30,000 × 30,000 pixels: more than the 100 megapixel limit"), Assert.Single(results));
    }

    [Fact]
    public async Task Uploads_need_a_session_an_antiforgery_header_and_multipart_content()
    {
        await using var app = await TestApp.StartAsync();
        var anonymous = app.NewClient();
        var client = await Users.SignUpAsync(app);
        var token = await Uploads.TokenAsync(client);

        var unsigned = await anonymous.PostAsync("/api/images", new MultipartFormDataContent { { new ByteArrayContent([1]), "files", "a.jpg" } }, TestContext.Current.CancellationToken);
        var noToken = await client.PostAsync("/api/images", new MultipartFormDataContent { { new ByteArrayContent([1]), "files", "a.jpg" } }, TestContext.Current.CancellationToken);
        using var json = new HttpRequestMessage(HttpMethod.Post, "/api/images") { Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        json.Headers.Add(ApiAntiforgery.HeaderName, token);
        var notMultipart = await client.SendAsync(json, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noToken.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notMultipart.StatusCode);
        Assert.Contains("multipart/form-data", await notMultipart.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Uploads_are_rate_limited_per_account()
    {
        await using var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["TagMyStock:Upload:RequestsPerMinute"] = "2" });
        var first = await Users.SignUpAsync(app);
        var second = await Users.SignUpAsync(app, "Bea");
        var file = ("notes.txt", Encoding.UTF8.GetBytes("not an image"));

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            statuses.Add((await Uploads.PostAsync(first, file)).StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], statuses);
        Assert.Equal(HttpStatusCode.OK, (await Uploads.PostAsync(second, file)).StatusCode);
    }

    [Fact]
    public async Task Embedded_ai_declaration_sets_the_flag()
    {
        await using var app = await TestApp.StartAsync();
        var client = await Users.SignUpAsync(app);
        byte[] declared;
        using (var image = Image.NewFromBuffer(Uploads.Sample("espresso-cup-on-wooden-table.jpg")).Mutate(mutable => mutable.Set(
            GValue.BlobType,
            "xmp-data",
            Encoding.UTF8.GetBytes(
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\"><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">" +
                "<rdf:Description rdf:about=\"\" xmlns:Iptc4xmpExt=\"http://iptc.org/std/Iptc4xmpExt/2008-02-29/\" " +
                "Iptc4xmpExt:DigitalSourceType=\"http://cv.iptc.org/newscodes/digitalsourcetype/trainedAlgorithmicMedia\"/>" +
                "</rdf:RDF></x:xmpmeta>"))))
        {
            declared = image.JpegsaveBuffer();
        }

        var id = await Uploads.UploadOneAsync(client, "generated.jpg", declared);

        var stored = await app.WithDbAsync(db => db.Set<StockImage>().SingleAsync(i => i.Id == id, TestContext.Current.CancellationToken));
        Assert.True(stored.Flags.HasFlag(ContentFlags.AiGenerated));
    }

    /// <summary>A valid PNG header and IHDR declaring the size, a tiny IDAT, and IEND, with correct CRCs.</summary>
    private static byte[] PngDeclaring(int width, int height)
    {
        using var png = new MemoryStream();
        png.Write([0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A]);
        var header = new byte[13];
        BinaryPrimitives.WriteInt32BigEndian(header, width);
        BinaryPrimitives.WriteInt32BigEndian(header.AsSpan(4), height);
        header[8] = 8;
        header[9] = 2;
        Chunk(png, "IHDR", header);
        using (var pixels = new MemoryStream())
        {
            using (var zlib = new ZLibStream(pixels, CompressionLevel.Optimal, leaveOpen: true))
            {
                zlib.Write(new byte[100]);
            }

            Chunk(png, "IDAT", pixels.ToArray());
        }

        Chunk(png, "IEND", []);
        return png.ToArray();
    }

    private static void Chunk(Stream png, string type, byte[] data)
    {
        Span<byte> number = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(number, data.Length);
        png.Write(number);
        var typed = Encoding.ASCII.GetBytes(type).Concat(data).ToArray();
        png.Write(typed);
        BinaryPrimitives.WriteUInt32BigEndian(number, Crc32(typed));
        png.Write(number);
    }

    private static uint Crc32(byte[] bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var bit = 0; bit < 8; bit++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320u : crc >> 1;
            }
        }

        return ~crc;
    }
}
