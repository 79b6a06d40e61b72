// The newsletter sign-up: the one schema the form and the API share.
export * from './request.ts';
