// Which shape a webhook URL gets, and what OPERATOR_WEBHOOK_URL accepts.
import { describe, expect, it } from 'vitest';
import { parseWebhookUrl, webhookFlavour } from '../../../api/_lib/webhook/target.ts';

describe('webhookFlavour', () => {
  it('knows Slack by its webhook host', () => {
    expect(webhookFlavour('https://hooks.slack.com/services/T000/B000/XXXX')).toBe('slack');
    expect(webhookFlavour('https://HOOKS.SLACK.COM/services/T000/B000/XXXX')).toBe('slack');
  });

  it('knows Teams Workflows by the Logic Apps and Power Platform hosts', () => {
    expect(webhookFlavour('https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?api-version=2016-06-01&sig=x')).toBe('teams');
    expect(webhookFlavour('https://default1234.ab.environment.api.powerplatform.com:443/powerautomate/automations/direct/workflows/abc/triggers/manual/paths/invoke?sig=x')).toBe('teams');
  });

  it('gives everything else plain JSON, look-alike hosts included', () => {
    for (const url of [
      'https://example.com/hook',
      'https://hooks.slack.com.example.com/services/x',
      'https://slack.com/services/x',
      'https://logic.azure.com.evil.example/workflows',
      'https://notlogic.azure.com/workflows',
      'http://127.0.0.1:8080/hook',
    ]) expect(webhookFlavour(url), url).toBe('json');
  });
});

describe('parseWebhookUrl', () => {
  it('accepts https anywhere and http on loopback only', () => {
    expect(parseWebhookUrl('https://hooks.slack.com/services/T/B/X')).toBe('https://hooks.slack.com/services/T/B/X');
    expect(parseWebhookUrl(' http://127.0.0.1:9000/hook ')).toBe('http://127.0.0.1:9000/hook');
    expect(parseWebhookUrl('http://localhost:9000/hook')).toBe('http://localhost:9000/hook');
    expect(parseWebhookUrl('http://[::1]:9000/hook')).toBe('http://[::1]:9000/hook');
  });

  it('refuses the rest without repeating the URL', () => {
    const cases = [
      ['http://example.com/secret-path-123', /https/],
      ['https://user:secret-pass-123@example.com/hook', /user name or password/],
      ['ftp://example.com/secret-path-123', /https/],
      ['not a url secret-path-123', /not a URL/],
      ['https://example.com/hook#secret-path-123', /fragment/],
    ] as const;
    for (const [url, message] of cases) {
      let thrown: Error | undefined;
      try {
        parseWebhookUrl(url);
      } catch (error) {
        thrown = error as Error;
      }
      expect(thrown?.message, url).toMatch(message);
      expect(thrown?.message, url).not.toContain('secret');
      expect(thrown?.message, url).not.toContain('example.com');
    }
  });
});
