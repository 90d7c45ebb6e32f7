import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  to: string[];
  raw: string;
  subject: string;
  messageId: string;
}

/** A real SMTP server on loopback that keeps what it receives; it can be stopped and started again on the same port. */
export class MailSink {
  readonly received: ReceivedMail[] = [];
  private server: SMTPServer | null = null;
  port = 0;

  async start(port = this.port): Promise<this> {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          const raw = Buffer.concat(chunks).toString('utf8');
          this.received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw, subject: decodeHeader(raw, 'Subject'), messageId: header(raw, 'Message-ID') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => this.server!.listen(port, '127.0.0.1', () => resolve()));
    this.port = (this.server as unknown as { server: { address(): AddressInfo } }).server.address().port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  /** What a mail store keeps: one message per Message-ID. */
  stored(): ReceivedMail[] {
    return [...new Map(this.received.map((m) => [m.messageId, m])).values()];
  }

  url(): string {
    return `smtp://127.0.0.1:${this.port}`;
  }
}

function header(raw: string, name: string): string {
  const m = new RegExp(`^${name}:\\s*((?:.*)(?:\\r?\\n[ \\t].*)*)`, 'im').exec(raw);
  return m ? m[1]!.replace(/\r?\n[ \t]+/g, ' ').trim() : '';
}

/** RFC 2047 encoded words (=?UTF-8?B?…?= / Q) back to text. */
function decodeHeader(raw: string, name: string): string {
  return header(raw, name).replace(/=\?utf-8\?([bq])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
    enc.toLowerCase() === 'b' ? Buffer.from(text, 'base64').toString('utf8') : Buffer.from(text.replace(/_/g, ' ').replace(/=([0-9a-f]{2})/gi, (_m, h: string) => String.fromCharCode(parseInt(h, 16))), 'latin1').toString('utf8'),
  );
}

export interface ReceivedHook {
  body: string;
  json: Record<string, unknown>;
  signature: string;
  idempotencyKey: string;
}

/** A webhook receiver on loopback; `failWith` makes it answer an error status until cleared. */
export class HookSink {
  readonly received: ReceivedHook[] = [];
  failWith: number | null = null;
  private server: http.Server | null = null;
  port = 0;

  async start(): Promise<this> {
    this.server = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (this.failWith) {
          res.writeHead(this.failWith).end();
          return;
        }
        const body = Buffer.concat(chunks).toString('utf8');
        this.received.push({ body, json: JSON.parse(body), signature: String(req.headers['x-zhifa-signature'] ?? ''), idempotencyKey: String(req.headers['idempotency-key'] ?? '') });
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    const s = this.server;
    this.server = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  url(): string {
    return `http://127.0.0.1:${this.port}/hooks/zhifa`;
  }
}
