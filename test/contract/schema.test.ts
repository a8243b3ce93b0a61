import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  findBreakingChanges,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  isIntrospectionType,
  isSpecifiedDirective,
  isSpecifiedScalarType,
  type GraphQLSchema,
} from 'graphql';
import { loadTypeDefs } from '../../src/graphql/schema';

// The shared contract's two files: reads, then management (which extends reads).
const CONTRACT_FILES = ['schema-contract.graphql', 'schema-contract-management.graphql'];
const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const shared = (name: string) => path.resolve(__dirname, '../../../shared', name);

const gatewaySchema = (): GraphQLSchema => buildSchema(loadTypeDefs().join('\n'));

describe('the public GraphQL schema', () => {
  it('keeps everything the shared contract has (nothing removed or retyped)', () => {
    const contract = buildSchema(CONTRACT_FILES.map((name) => readFileSync(fixture(name), 'utf8')).join('\n'));
    expect(findBreakingChanges(contract, gatewaySchema())).toEqual([]);
  });

  it.each(CONTRACT_FILES)('uses the current shared %s (when ../shared is present)', (name) => {
    if (!existsSync(shared(name))) return; // a clone without the shared folder checks the fixture only
    expect(readFileSync(fixture(name), 'utf8')).toBe(readFileSync(shared(name), 'utf8'));
  });

  it('describes every type, field, argument, enum value and directive', () => {
    const missing: string[] = [];
    const schema = gatewaySchema();
    for (const type of Object.values(schema.getTypeMap())) {
      if (isIntrospectionType(type) || isSpecifiedScalarType(type)) continue;
      if (!type.description) missing.push(type.name);
      if (isObjectType(type) || isInterfaceType(type) || isInputObjectType(type)) {
        for (const field of Object.values(type.getFields())) {
          if (!field.description) missing.push(`${type.name}.${field.name}`);
          for (const arg of 'args' in field ? field.args : []) {
            if (!arg.description) missing.push(`${type.name}.${field.name}(${arg.name})`);
          }
        }
      }
      if (isEnumType(type)) {
        for (const value of type.getValues()) if (!value.description) missing.push(`${type.name}.${value.name}`);
      }
    }
    // Our own directives (e.g. @cacheControl) are part of the printed contract too.
    for (const directive of schema.getDirectives().filter((d) => !isSpecifiedDirective(d))) {
      if (!directive.description) missing.push(`@${directive.name}`);
      for (const arg of directive.args) if (!arg.description) missing.push(`@${directive.name}(${arg.name})`);
    }
    expect(missing).toEqual([]);
  });
});
