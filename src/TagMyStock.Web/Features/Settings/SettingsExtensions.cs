namespace TagMyStock.Web.Features.Settings;

public static class SettingsExtensions
{
    /// <summary>Registers <see cref="IAccountSettings"/>; its page is <c>/settings/agencies</c>.</summary>
    public static IHostApplicationBuilder AddAccountSettings(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<IAccountSettings, AccountSettingsStore>();
        return builder;
    }
}
