using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

// Nothing but what any ASP.NET Core app must do before its first answer: the lower bound the twin's start is measured against.
var app = WebApplication.CreateSlimBuilder(args).Build();
app.MapGet("/health", () => Results.Ok("ready"));
await app.RunAsync();
