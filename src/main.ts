import fs from 'node:fs';
import { ConfigError, loadConfig } from './config.ts';
import { createDb, migrate } from './store/db.ts';
import { createZhifa } from './zhifa.ts';
import { anchorCommand, exportCommand, verifyCommand } from './record/cli.ts';
import { migrateAsOwner } from './store/app-role.ts';

const USAGE = `usage: zhifa <command>
  serve              migrate, deploy processes/, start the HTTP server and the scheduler
  migrate            apply database migrations and exit (as DATABASE_MIGRATE_URL's owner when set,
                     then grant DATABASE_URL's role only what the server needs)
  deploy <file.bpmn> validate and deploy BPMN files and exit
  verify [case]      recompute the record's hash chain and every evidence file's hash (all cases without one)
  verify --archive <file.tar>  check an exported case file offline
  export <case> <file.tar>     write the case file (案卷): manifest, timeline, documents, evidence
  checkpoint         write today's signed checkpoint of every case's record head (the server does it daily)
  sign-records       sign the record heads written before ZHIFA_RECORD_KEY was set, each after it verified`;

async function main(argv: string[]): Promise<number> {
  const [command = 'serve', ...args] = argv;
  const config = loadConfig();
  switch (command) {
    case 'serve': {
      const zhifa = await createZhifa({ config });
      const { port } = await zhifa.listen();
      zhifa.startScheduler();
      console.log(`zhifa listening on http://localhost:${port} (database: ${config.database.client}, clock: ${config.clock})`);
      // A close that fails still ends the process, with the reason and a failing exit code.
      const shutdown = () => void zhifa.close().then(() => process.exit(0), (err: unknown) => { console.error('zhifa: closing failed', err); process.exit(1); });
      process.once('SIGINT', shutdown);
      process.once('SIGTERM', shutdown);
      return -1;
    }
    case 'migrate': {
      const db = createDb(config.database);
      try {
        if (config.databaseMigrate) await migrateAsOwner(config.databaseMigrate, db);
        else await migrate(db);
      } finally {
        await db.destroy();
      }
      console.log('migrations applied');
      return 0;
    }
    case 'deploy': {
      if (!args.length) throw new ConfigError('deploy needs at least one .bpmn file');
      const zhifa = await createZhifa({ config: { ...config, processesDir: '/nonexistent' } });
      try {
        for (const file of args) {
          const d = await zhifa.workflow.definitions.deploy(fs.readFileSync(file, 'utf8'), 'cli');
          console.log(`${file}: ${d.key} version ${d.version}${d.created ? '' : ' (unchanged)'}`);
        }
      } finally {
        await zhifa.close();
      }
      return 0;
    }
    case 'verify':
      return verifyCommand(config, args);
    case 'export':
      return exportCommand(config, args);
    case 'checkpoint':
    case 'sign-records':
      return anchorCommand(config, command);
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (err: unknown) => {
    console.error(err instanceof ConfigError ? `configuration error: ${err.message}` : err);
    process.exit(1);
  },
);
