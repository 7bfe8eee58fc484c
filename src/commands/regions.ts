// "Kinesis: Select Regions…": which regions a connection shows (one or more), saved per connection.
// From the palette it first asks for the connection.
import { CommandIds } from './ids';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ConnectionNode } from '../explorer/nodes';
import type { Connection } from '../kinesis/connections/connections';
import type { Services } from '../services';
import { Cancelled, InputProblem, type PickItem } from '../ui/prompts';
import { command, type CommandSpec } from './registerCommand';

/** Regions where Kinesis Data Streams is offered (commercial partition, plus GovCloud and China). */
export const KINESIS_REGIONS = [
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2', 'af-south-1', 'ap-east-1', 'ap-south-1', 'ap-south-2',
  'ap-southeast-1', 'ap-southeast-2', 'ap-southeast-3', 'ap-southeast-4', 'ap-northeast-1', 'ap-northeast-2',
  'ap-northeast-3', 'ca-central-1', 'ca-west-1', 'eu-central-1', 'eu-central-2', 'eu-west-1', 'eu-west-2',
  'eu-west-3', 'eu-south-1', 'eu-south-2', 'eu-north-1', 'il-central-1', 'me-south-1', 'me-central-1',
  'sa-east-1', 'us-gov-east-1', 'us-gov-west-1', 'cn-north-1', 'cn-northwest-1',
];

const OTHER = '\u0000other';
const DEFAULT = '\u0000default';

export function selectRegionsCommand(services: Services, model: ExplorerModel): CommandSpec {
  return command(CommandIds.selectRegions, async (node?: ConnectionNode) => {
    const connection = node?.kind === 'connection' ? node.connection : await pickConnection(services, model);
    const current = model.regionsOf(connection);
    const regions = await pickRegions(services, connection, current);
    await model.setRegions(connection, regions);
    services.log.info(`explorer: ${connection.name} shows ${regions ? regions.join(', ') : `its default region (${connection.region})`}`);
  });
}

async function pickConnection(services: Services, model: ExplorerModel): Promise<Connection> {
  const connections = (await services.clients.connections()).filter((c) => !c.problem);
  if (connections.length === 0) throw new InputProblem('No usable connection: add an AWS profile or a kinesis.connections entry first');
  const picked = await services.prompts.current.pick(
    connections.map((c): PickItem<Connection> => ({ label: c.name, description: model.regionsOf(c).join(', '), value: c })),
    { title: 'Select Regions: choose a connection' },
  );
  if (!picked) throw new Cancelled();
  return picked;
}

/** Resolves the chosen regions, or undefined to go back to the connection's own region. */
async function pickRegions(services: Services, connection: Connection, current: readonly string[]): Promise<string[] | undefined> {
  const known = [...new Set([...current, ...KINESIS_REGIONS])];
  const items: Array<PickItem<string>> = [
    { label: `$(discard) Default (${connection.region})`, description: 'from the profile or setting', value: DEFAULT },
    ...known.map((r) => ({ label: r, value: r, picked: current.includes(r), description: r === connection.region ? 'default' : undefined })),
    { label: '$(edit) Other region…', description: 'type region names', value: OTHER },
  ];
  const chosen = await services.prompts.current.pickMany(items, { title: `Regions of ${connection.name}` });
  if (!chosen) throw new Cancelled();
  if (chosen.includes(DEFAULT) || chosen.length === 0) return undefined;
  const regions = chosen.filter((r) => r !== OTHER);
  if (chosen.includes(OTHER)) regions.push(...(await askOtherRegions(services)));
  return [...new Set(regions)];
}

async function askOtherRegions(services: Services): Promise<string[]> {
  const typed = await services.prompts.current.input({
    title: 'Other regions',
    prompt: 'Region names, separated by commas (e.g. eu-west-1, us-west-2)',
    validate: (v) => (v.split(',').every((r) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(r.trim())) ? undefined : 'Use region names like eu-west-1'),
  });
  if (typed === undefined) throw new Cancelled();
  return typed.split(',').map((r) => r.trim()).filter(Boolean);
}
