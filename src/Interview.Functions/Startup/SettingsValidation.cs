using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Interview.Functions.Startup;

/// <summary>
/// Each settings class checks its data annotations with a validator generated at build ([OptionsValidator]), not by reflection at start-up.
/// </summary>
public static class SettingsValidation
{
    public static OptionsBuilder<T> ValidateAnnotations<T, TValidator>(this OptionsBuilder<T> options)
        where T : class
        where TValidator : class, IValidateOptions<T>
    {
        options.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<T>, TValidator>());
        return options;
    }
}
