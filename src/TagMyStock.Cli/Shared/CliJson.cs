using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Spectre.Console;
using TagMyStock.Core.Agencies;
using TagMyStock.Core.Csv;

namespace TagMyStock.Cli.Shared;

/// <summary>How every command writes <c>--json</c>: camelCase names, kebab-case enum values, readable Unicode.</summary>
/// <remarks>
/// The serializers are generated at compile time (<see cref="CliJsonContext"/>), so the output needs no reflection
/// and works the same in the natively compiled CLI. Enums are listed one by one for the same reason.
/// </remarks>
public static class CliJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        TypeInfoResolver = CliJsonContext.Default,
        Converters =
        {
            new JsonStringEnumConverter<AiPolicy>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<Confidence>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<CsvField>(JsonNamingPolicy.KebabCaseLower),
            new JsonStringEnumConverter<CsvQuoting>(JsonNamingPolicy.KebabCaseLower),
        },
    };

    public static void Write(IAnsiConsole console, BatchReport report) => Write<BatchReport>(console, report);

    public static void Write(IAnsiConsole console, IReadOnlyList<AgencyProfile> agencies) => Write<IReadOnlyList<AgencyProfile>>(console, agencies);

    private static void Write<T>(IAnsiConsole console, T value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, (JsonTypeInfo<T>)Options.GetTypeInfo(typeof(T))));
}

/// <summary>The types the CLI writes as JSON; their serializers are generated at compile time.</summary>
[JsonSerializable(typeof(BatchReport))]
[JsonSerializable(typeof(IReadOnlyList<AgencyProfile>))]
internal sealed partial class CliJsonContext : JsonSerializerContext;
