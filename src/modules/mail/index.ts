export { createMailer, type Mail, type Mailer } from './mail-service.ts';
export { mailPages } from './mail-pages.tsx';
