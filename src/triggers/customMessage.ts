/**
 * CustomMessage: every message Cognito sends with a code (sign-up, invitation, resend, password
 * reset, attribute change and verification, sign-in code) in the app's words and look, from the
 * templates in config/messages (messages/templates.ts). A source without a template keeps
 * Cognito's own text.
 */
import type { CustomMessageTriggerEvent } from 'aws-lambda';
import type { HandlerDeps } from './deps';
import { CODE, loadTemplates, MessageKind, MESSAGE_KINDS, render, Template } from './messages/templates';
import type { Trigger } from './refusal';
import { fromEnvironment } from './lambda';
import { TRIGGER_FUNCTIONS } from './names';

const kindOf = (source: string): MessageKind | undefined => {
  const kind = source.replace(/^CustomMessage_/, '');
  return (MESSAGE_KINDS as readonly string[]).includes(kind) ? (kind as MessageKind) : undefined;
};

/** Templates are read (and checked) when the handler is made, so a broken one stops the start. */
export function customMessage(
  { settings }: HandlerDeps,
  templates: Record<MessageKind, Template> = loadTemplates(settings.templatesDir, settings.appName),
): Trigger<CustomMessageTriggerEvent> {
  return async (event) => {
    const kind = kindOf(event.triggerSource);
    if (!kind) return event;
    const attributes = event.request.userAttributes ?? {};
    const name = attributes.name || attributes.given_name || attributes.preferred_username || 'there';
    const message = render(templates[kind], { appName: settings.appName, name, email: attributes.email ?? '' }, event.request.codeParameter || CODE, event.request.usernameParameter);
    event.response = { emailSubject: message.emailSubject, emailMessage: message.emailMessage, smsMessage: message.smsMessage };
    return event;
  };
}

/** The deployed Lambda function (CustomMessage). */
export const handler = fromEnvironment(TRIGGER_FUNCTIONS.CustomMessage, customMessage);
