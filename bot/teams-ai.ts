/**
 * The two parts of @microsoft/teams-ai this bot uses, imported from their own modules: the
 * package's index also loads its AI planners, tokenizer and OpenAI client (about 15 MB of memory
 * the bot never uses). Everything in bot/ imports teams-ai from here.
 */
export { Application } from "@microsoft/teams-ai/lib/Application.js";
export { TeamsAdapter } from "@microsoft/teams-ai/lib/TeamsAdapter.js";
