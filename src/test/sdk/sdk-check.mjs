// Uses the official Anthropic SDK the way an application would, against the router given as the first argument.
// Prints one JSON line with what it saw; exits non-zero if the SDK threw where it should not.
import Anthropic from '@anthropic-ai/sdk';

const baseURL = process.argv[2];
const client = new Anthropic({ baseURL, apiKey: 'router-key-for-sdk', maxRetries: 0 });
const result = {};

const message = await client.messages.create({
  model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }],
});
result.message = { type: message.type, text: message.content.filter(b => b.type === 'text').map(b => b.text).join(''),
  stopReason: message.stop_reason, outputTokens: message.usage.output_tokens };

const stream = client.messages.stream({
  model: 'claude-sonnet-4-5', max_tokens: 100, messages: [{ role: 'user', content: 'hi' }],
});
const events = [];
stream.on('streamEvent', (event) => events.push(event.type));
const final = await stream.finalMessage();
result.stream = { events, blocks: final.content.map(b => b.type), toolInput: final.content.find(b => b.type === 'tool_use')?.input ?? null,
  stopReason: final.stop_reason };

const count = await client.messages.countTokens({
  model: 'claude-sonnet-4-5', messages: [{ role: 'user', content: 'count these words please' }],
});
result.countTokens = count.input_tokens;

try {
  await client.messages.create({ model: 'nosuch,model', max_tokens: 10, messages: [{ role: 'user', content: 'hi' }] });
  result.error = 'no error thrown';
} catch (e) {
  result.error = { status: e.status, className: e.constructor.name, type: e.error?.error?.type ?? null };
}

// the SDK's pager reads Anthropic's list shape (data, has_more, last_id); the catalog's fields ride along
result.models = [];
for await (const model of client.models.list()) {
  result.models.push({ type: model.type, id: model.id, contextWindow: model.context_window ?? null });
}

console.log(JSON.stringify(result));
