using FluentValidation;

namespace Vibe.Application.Runs.ListRuns;

public sealed class ListRunsValidator : AbstractValidator<ListRuns>
{
    public ListRunsValidator()
    {
        RuleFor(query => query.Limit).InclusiveBetween(1, 10_000).WithMessage("--limit must be between 1 and 10000");
    }
}
