using TagMyStock.Core.Lexicon;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// The offline engine's text half: metadata from what is written about the image (the user's hint, the
/// generation prompt, metadata already in the file, the file name). It never invents: every keyword comes
/// from one of those sources and carries it as evidence, or follows from them through the lexicon (ranked
/// below them, and marked as such), and thin evidence is reported, not padded.
/// </summary>
public sealed class LocalTextEngine : ITaggingEngine
{
    /// <summary>Keywords beyond this many add nothing any agency takes.</summary>
    public const int MaxKeywords = 50;

    /// <summary>Fewer keywords than this fails most agencies (Shutterstock and Dreamstime want 7).</summary>
    public const int ThinEvidenceKeywords = 7;

    public string Name => "local";

    public Task<TaggingResult> TagAsync(TaggingInput input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(input);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(Tag(input));
    }

    /// <summary>The synchronous core: pure and deterministic, the same input always gives the same output.</summary>
    public TaggingResult Tag(TaggingInput input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var lexicon = EnglishLexicon.Shared;
        var sources = CollectSources(input);
        var said = KeywordRanking.Rank(sources, input.Existing.Keywords, MaxKeywords);
        var inferred = ConceptExpansion.Expand(said, lexicon, MaxKeywords - said.Count);

        // Flags and the thin-evidence warning rest on what the sources said: an inferred word is no evidence.
        var flags = DetectFlags(input, said, out var flagEvidence);
        var title = TitleComposer.Title(input, sources);
        var description = TitleComposer.Description(input, sources, title);
        var keywords = said.Concat(inferred).Select(keyword => keyword.Term).ToList();

        var metadata = input.Existing with
        {
            Title = title,
            Description = description,
            Keywords = keywords,
            Flags = flags,
        };

        return new TaggingResult(metadata, Name)
        {
            Evidence = [.. said, .. inferred, .. flagEvidence],
            Warnings = [.. Warnings(sources, input, said.Count), .. SpellingCheck.Warnings(input, title, keywords, lexicon)],
        };
    }

    private static List<TextSource> CollectSources(TaggingInput input)
    {
        var sources = new List<TextSource>();
        if (!string.IsNullOrWhiteSpace(input.Hint))
        {
            sources.Add(new TextSource(EvidenceSource.Hint, input.Hint.Trim(), 1.0, ProposesPhrases: true));
        }

        if (!string.IsNullOrWhiteSpace(input.GenerationPrompt))
        {
            var prompt = PromptCleaner.Clean(input.GenerationPrompt);
            if (prompt.Length > 0)
            {
                sources.Add(new TextSource(EvidenceSource.GenerationPrompt, prompt, 0.9, ProposesPhrases: true));
            }
        }

        if (!string.IsNullOrWhiteSpace(input.Existing.Title))
        {
            sources.Add(new TextSource(EvidenceSource.ExistingMetadata, input.Existing.Title.Trim(), 0.8, ProposesPhrases: true));
        }

        if (!string.IsNullOrWhiteSpace(input.Existing.Description))
        {
            sources.Add(new TextSource(EvidenceSource.ExistingMetadata, input.Existing.Description.Trim(), 0.7, ProposesPhrases: false));
        }

        var nameWords = FileNameWords.Extract(input.FileName);
        if (nameWords.Length > 0)
        {
            nameWords = FileNameWords.RejoinCompounds(nameWords, sources.Select(source => source.Text).Concat(input.Existing.Keywords));
            sources.Add(new TextSource(EvidenceSource.FileName, nameWords, 0.6, ProposesPhrases: false));
        }

        return sources;
    }

    private static ContentFlags DetectFlags(TaggingInput input, IReadOnlyList<Evidence> keywords, out List<Evidence> evidence)
    {
        evidence = [];
        var flags = input.Existing.Flags;
        var aiSources = new List<EvidenceSource>();
        if (!string.IsNullOrWhiteSpace(input.GenerationPrompt) || Generators.IsNamedIn(input.GeneratorName))
        {
            aiSources.Add(EvidenceSource.GenerationPrompt);
        }

        if (input.Existing.Has(ContentFlags.AiGenerated) || DigitalSourceType.IsGenerativeAi(input.Existing.DigitalSourceType))
        {
            aiSources.Add(EvidenceSource.ExistingMetadata);
        }

        if (aiSources.Count > 0)
        {
            flags |= ContentFlags.AiGenerated;
            evidence.Add(new Evidence("flag:ai-generated", aiSources, 1.0));
        }

        var illustration = keywords.FirstOrDefault(keyword => ContentCues.Illustration.Contains(keyword.Term));
        if (illustration is not null)
        {
            flags |= ContentFlags.Illustration;
            evidence.Add(new Evidence("flag:illustration", illustration.Sources, illustration.Score));
        }

        // Generated people are fictional: a model release is needed only for real ones.
        var person = keywords.FirstOrDefault(keyword => ContentCues.People.Contains(keyword.Term));
        if (person is not null && (flags & ContentFlags.AiGenerated) == 0)
        {
            flags |= ContentFlags.PeopleReleaseNeeded;
            evidence.Add(new Evidence("flag:people-release-needed", person.Sources, person.Score));
        }

        return flags;
    }

    private static List<string> Warnings(List<TextSource> sources, TaggingInput input, int keywordCount)
    {
        var warnings = new List<string>();
        if (sources.Count == 0 && input.Existing.Keywords.Count == 0)
        {
            warnings.Add("Nothing describes this image yet (no hint, prompt, embedded metadata or meaningful file name): add a hint such as --hint \"cat resting on a blanket\".");
        }
        else if (keywordCount < ThinEvidenceKeywords)
        {
            warnings.Add($"Only {keywordCount} keyword(s) could be derived from what is known about this image; most agencies want at least {ThinEvidenceKeywords}. Add a hint with more detail rather than filler words.");
        }

        if (sources.All(source => source.Kind == EvidenceSource.FileName) && sources.Count > 0)
        {
            warnings.Add("Keywords come from the file name only: check them, a file name can be misleading.");
        }

        return warnings;
    }
}
