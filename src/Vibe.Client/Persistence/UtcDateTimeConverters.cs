using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Vibe.Infrastructure.Persistence;

// Every time is stored as UTC and read back as UTC, whatever the provider keeps. Not nested in the context: the
// compiled models (Persistence/CompiledModels) construct them.

internal sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
    value => value.Kind == DateTimeKind.Utc ? value : value.ToUniversalTime(),
    value => DateTime.SpecifyKind(value, DateTimeKind.Utc));

internal sealed class NullableUtcDateTimeConverter() : ValueConverter<DateTime?, DateTime?>(
    value => value.HasValue ? (value.Value.Kind == DateTimeKind.Utc ? value : value.Value.ToUniversalTime()) : value,
    value => value.HasValue ? DateTime.SpecifyKind(value.Value, DateTimeKind.Utc) : value);
