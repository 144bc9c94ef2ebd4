/** AI settings: none by default, OpenAI or Azure OpenAI in full, and one clear line for anything in between. */
import { OpenAIModel } from '@microsoft/teams-ai';
import { aiSettings, ConfigError, loadConfig } from '../../core/config';
import { createModel } from '../../bot/ai/model';

const AZURE = {
  AZURE_OPENAI_API_KEY: 'az-secret',
  AZURE_OPENAI_ENDPOINT: 'https://chaser.openai.azure.com/',
  AZURE_OPENAI_DEPLOYMENT: 'gpt-4o-mini',
};
const settingsFor = (env: NodeJS.ProcessEnv) => aiSettings(loadConfig(env));

describe('AI settings', () => {
  it('are off unless a key is set (blank values count as unset)', () => {
    expect(settingsFor({})).toBeUndefined();
    expect(settingsFor({ OPENAI_API_KEY: '', AZURE_OPENAI_API_KEY: '', OPENAI_MODEL: 'gpt-4o' })).toBeUndefined();
  });

  it('take OpenAI with a default model, or the one named', () => {
    expect(settingsFor({ OPENAI_API_KEY: 'sk-1' })).toEqual({
      provider: 'openai',
      apiKey: 'sk-1',
      model: 'gpt-4o-mini',
    });
    expect(settingsFor({ OPENAI_API_KEY: 'sk-1', OPENAI_MODEL: 'gpt-4o' })).toEqual({
      provider: 'openai',
      apiKey: 'sk-1',
      model: 'gpt-4o',
    });
  });

  it('take Azure OpenAI when all three variables are set', () => {
    expect(settingsFor(AZURE)).toEqual({
      provider: 'azure',
      apiKey: 'az-secret',
      endpoint: AZURE.AZURE_OPENAI_ENDPOINT,
      deployment: 'gpt-4o-mini',
    });
  });

  it.each([
    [
      { AZURE_OPENAI_API_KEY: 'az-secret' },
      'Invalid environment variable AZURE_OPENAI_ENDPOINT: required when AZURE_OPENAI_API_KEY is set',
    ],
    [
      { ...AZURE, AZURE_OPENAI_DEPLOYMENT: '' },
      'Invalid environment variable AZURE_OPENAI_DEPLOYMENT: required when AZURE_OPENAI_API_KEY and AZURE_OPENAI_ENDPOINT are set',
    ],
    [
      { AZURE_OPENAI_ENDPOINT: AZURE.AZURE_OPENAI_ENDPOINT, AZURE_OPENAI_DEPLOYMENT: 'd' },
      'Invalid environment variable AZURE_OPENAI_API_KEY: required when AZURE_OPENAI_ENDPOINT and AZURE_OPENAI_DEPLOYMENT are set',
    ],
    [
      { ...AZURE, OPENAI_API_KEY: 'sk-1' },
      'Invalid environment variable OPENAI_API_KEY: set either OPENAI_API_KEY or the AZURE_OPENAI_* settings, not both (got "***")',
    ],
    [
      { ...AZURE, AZURE_OPENAI_ENDPOINT: 'http://chaser.openai.azure.com' },
      'Invalid environment variable AZURE_OPENAI_ENDPOINT: must be the https:// URL of the Azure OpenAI resource (got "http://chaser.openai.azure.com")',
    ],
  ])('refuses a partial or mixed configuration in one line naming the variable: %j', (env, line) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new ConfigError(line));
  });

  it('never echoes a key back', () => {
    expect(() => loadConfig({ AZURE_OPENAI_API_KEY: 'az-secret' })).not.toThrow(/az-secret/);
  });
});

describe('the model from the settings', () => {
  it('calls OpenAI with the configured model, a short timeout and no retries, without connecting', () => {
    const model = createModel({ provider: 'openai', apiKey: 'sk-1', model: 'gpt-4o' }) as OpenAIModel;
    expect(model).toBeInstanceOf(OpenAIModel);
    expect(model.options).toMatchObject({
      defaultModel: 'gpt-4o',
      useSystemMessages: true,
      clientOptions: { timeout: 8000, maxRetries: 0 },
    });
  });

  it('calls the Azure deployment with an API version that has tool calls', () => {
    const model = createModel(settingsFor(AZURE)!) as OpenAIModel;
    expect(model.options).toMatchObject({
      azureDefaultDeployment: 'gpt-4o-mini',
      azureEndpoint: 'https://chaser.openai.azure.com',
      azureApiVersion: '2024-10-21',
    });
  });
});
