namespace TagMyStock.Imaging.Reading;

public sealed class GenerationTextTests
{
    [Fact]
    public void Automatic1111_prompt_ends_at_the_negative_prompt_and_may_span_lines()
    {
        const string parameters = "portrait of a lighthouse keeper,\nstorm at sea\nNegative prompt: blurry\nSteps: 20, Sampler: Euler a, Lora hashes: \"a: 1, b: 2\", Model: juggernautXL_v9, Version: v1.9.0";

        var generation = GenerationText.FromAutomatic1111(parameters);

        Assert.Equal(new Generation("portrait of a lighthouse keeper,\nstorm at sea", "juggernautXL_v9"), generation);
    }

    [Fact]
    public void Automatic1111_without_negative_prompt_or_model()
    {
        var generation = GenerationText.FromAutomatic1111("a bowl of ramen\nSteps: 30, Sampler: DPM++ 2M, Seed: 1");

        Assert.Equal(new Generation("a bowl of ramen", null), generation);
    }

    [Fact]
    public void Text_without_a_settings_line_is_not_taken_for_automatic1111()
    {
        Assert.Null(GenerationText.FromAutomatic1111("A sunny beach with palm trees. Model: released."));
    }

    [Fact]
    public void A_midjourney_description_loses_its_job_id()
    {
        var texts = new List<KeyValuePair<string, string>> { new("Description", "a paper boat on a puddle --ar 3:2 Job ID: 0f6c3f4e-1c7d-4a2b-9d6e-2b3c4d5e6f70") };

        Assert.Equal(new Generation("a paper boat on a puddle --ar 3:2", null), GenerationText.FromPngText(texts));
    }

    [Fact]
    public void Parameters_win_over_other_prompt_fields_and_titles_are_not_prompts()
    {
        var texts = new List<KeyValuePair<string, string>>
        {
            new("Title", "Lighthouse"),
            new("Description", "from the description"),
            new("parameters", "from the parameters\nSteps: 1"),
        };

        Assert.Equal("from the parameters", GenerationText.FromPngText(texts)?.Prompt);
        Assert.Null(GenerationText.FromPngText([new("Title", "Lighthouse"), new("Comment", "a lighthouse at night")]));
    }
}
