using TagMyStock.Core.Keywords;
using TagMyStock.Core.Lexicon;
using TagMyStock.Core.Metadata;
using TagMyStock.Core.Tagging.Categories;

namespace TagMyStock.Core.Tagging;

/// <summary>
/// The offline engine's text half: metadata from what is written about the image (the user's hint, the
/// generation prompt, metadata already in the file, the file name). It never invents: every keyword comes
/// from one of those sources and carries it as evidence, or follows from them through the lexicon (ranked
/// below them, and marked as such), and thin evidence is reported, not padded. An engine that sees the image
/// passes what it observed (<see cref="Observations"/>) to be ranked with the text.
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
    public TaggingResult Tag(TaggingInput input) => Tag(input, Observations.None);

    /// <summary>Tags from the text sources and what was observed outside text, ranked together by evidence.</summary>
    public TaggingResult Tag(TaggingInput input, Observations observed)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(observed);
        var lexicon = EnglishLexicon.Shared;
        var sources = CollectSources(input);
        var said = KeywordRanking.Rank(sources, input.Existing.Keywords, observed.Concepts, lexicon, MaxKeywords);

        // Only words about the subject are expanded: "horizontal" or "red" measured in the pixels imply nothing more.
        var subject = said.Where(keyword => keyword.Sources.Any(source => source != EvidenceSource.Pixels)).ToList();
        var saidKeys = said.Select(keyword => KeywordHygiene.Key(keyword.Term)).ToHashSet(StringComparer.Ordinal);
        var inferred = ConceptExpansion.Expand(subject, lexicon, MaxKeywords - said.Count)
            .Where(keyword => !saidKeys.Contains(KeywordHygiene.Key(keyword.Term)))
            .ToList();

        // Flags and the thin-evidence warning rest on what the sources said: an inferred word is no evidence.
        var flags = DetectFlags(input, said, observed.Flags, out var flagEvidence);
        var title = TitleComposer.Title(input, sources, observed.Title, lexicon, out var titleEvidence);
        var description = TitleComposer.Description(input, sources, title, lexicon);
        var keywords = said.Concat(inferred).Select(keyword => keyword.Term).ToList();

        var metadata = CategoryChooser.Choose(
            input.Existing with { Title = title, Description = description, Keywords = keywords, Flags = flags },
            said,
            observed.Categories,
            input.Agencies,
            lexicon,
            out var categoryEvidence);

        return new TaggingResult(metadata, Name)
        {
            Evidence = [.. said, .. inferred, .. flagEvidence, .. categoryEvidence, .. titleEvidence],
            Warnings = [.. Warnings(sources, input, said, inferred.Count, title), .. SpellingCheck.Warnings(input, title, keywords, lexicon), .. observed.Warnings],
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

    private static ContentFlags DetectFlags(TaggingInput input, IReadOnlyList<Evidence> keywords, IReadOnlyList<ObservedFlag> observedFlags, out List<Evidence> evidence)
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
            evidence.Add(new Evidence(EvidenceTerm.Of(ContentFlags.AiGenerated), aiSources, 1.0));
        }

        var illustration = keywords.FirstOrDefault(keyword => ContentCues.Illustration.Contains(keyword.Term));
        if (illustration is not null)
        {
            flags |= ContentFlags.Illustration;
            evidence.Add(new Evidence(EvidenceTerm.Of(ContentFlags.Illustration), illustration.Sources, illustration.Score));
        }

        // Generated people are fictional: a model release is needed only for real ones.
        var person = keywords.FirstOrDefault(keyword => ContentCues.People.Contains(keyword.Term));
        if (person is not null && (flags & ContentFlags.AiGenerated) == 0)
        {
            flags |= ContentFlags.PeopleReleaseNeeded;
            evidence.Add(new Evidence(EvidenceTerm.Of(ContentFlags.PeopleReleaseNeeded), person.Sources, person.Score) { Reasons = person.Reasons });
        }

        foreach (var observed in observedFlags)
        {
            var generatedPeople = observed.Flag == ContentFlags.PeopleReleaseNeeded && (flags & ContentFlags.AiGenerated) != 0;
            if ((flags & observed.Flag) == 0 && !generatedPeople)
            {
                flags |= observed.Flag;
                evidence.Add(new Evidence(EvidenceTerm.Of(observed.Flag), [observed.Source], observed.Confidence) { Reasons = observed.Reason is null ? [] : [observed.Reason] });
            }
        }

        return flags;
    }

    private static List<string> Warnings(List<TextSource> sources, TaggingInput input, IReadOnlyList<Evidence> keywords, int inferred, string title)
    {
        var warnings = new List<string>();
        // Only words, of the user or of similar images the user tagged, name a subject: the pixels measure format, colour and faces.
        var namesSubject = sources.Count > 0 || input.Existing.Keywords.Count > 0
            || keywords.Any(keyword => keyword.Sources.Contains(EvidenceSource.SimilarImages));
        if (!namesSubject && keywords.Count > 0)
        {
            warnings.Add("The pixels alone name no subject: the keywords say only what was measured (format, colour, tone, people) and the title is left empty. The metadata needs a human hint such as --hint \"cat resting on a blanket\".");
        }
        else if (!namesSubject)
        {
            warnings.Add("Nothing describes this image yet (no hint, prompt, embedded metadata or meaningful file name): add a hint such as --hint \"cat resting on a blanket\".");
        }
        else if (keywords.Count < ThinEvidenceKeywords)
        {
            var related = inferred > 0 ? $" (and {inferred} related word(s) from them)" : "";
            warnings.Add($"Only {keywords.Count} keyword(s) could be derived from what is known about this image{related}; most agencies want at least {ThinEvidenceKeywords} of what it shows. Add a hint with more detail rather than filler words.");
        }

        if (title.Length == 0 && sources.Any(source => source.Kind == EvidenceSource.Hint && TitleComposer.IsKeywordList(source.Text)))
        {
            warnings.Add("The hint is a list of keywords, which makes no title: describe the picture in a phrase, such as \"palm trees on a tropical beach at sunset\", and add keywords after it with commas.");
        }

        if (sources.Count > 0 && sources.All(source => source.Kind == EvidenceSource.FileName) && !keywords.Any(keyword => keyword.Sources.Contains(EvidenceSource.SimilarImages)))
        {
            warnings.Add("The words about the subject come from the file name only: check them, a file name can be misleading.");
        }

        return warnings;
    }
}
