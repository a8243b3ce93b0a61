// The demo page: lists phone numbers through the gateway's /graphql (same
// origin, never Cartesia). Plain browser JavaScript, no build step. Every
// value from the API is rendered with textContent, never as HTML: labels can
// contain markup-like text such as `<b>Sales</b> & "VIP"`.
'use strict';

(() => {
  const PAGE_SIZE = 20;

  const PHONE_NUMBERS = `
    query DemoPhoneNumbers($filter: PhoneNumberFilter, $first: Int, $after: String, $last: Int, $before: String) {
      phoneNumbers(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
        edges {
          cursor
          node {
            id
            label
            number
            agent { id name }
            provider {
              __typename
              ... on TwilioProvider { region }
            }
          }
        }
        pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
      }
    }
  `;

  const REGION_NAMES = { US1: 'United States', IE1: 'Ireland', AU1: 'Australia' };

  const $ = (id) => document.getElementById(id);
  const ui = {
    form: $('filters'),
    search: $('search'),
    type: $('type'),
    agent: $('agent'),
    error: $('error'),
    status: $('status'),
    list: $('numbers'),
    previous: $('previous'),
    loadMore: $('load-more'),
    next: $('next'),
  };

  /** The filter the list was loaded with, and the ends of what is on screen. */
  const state = {
    filter: {},
    rows: 0,
    start: { cursor: null, hasPrevious: false },
    end: { cursor: null, hasNext: false },
    loading: false,
  };
  /** Every agent seen so far (id -> name): the agent filter's options. */
  const knownAgents = new Map();

  /** A GraphQL failure the page can show: message, code, request id. */
  class GatewayError extends Error {
    constructor(message, code, requestId) {
      super(message);
      this.code = code;
      this.requestId = requestId;
    }
  }

  async function fetchPage(variables) {
    let response;
    try {
      response = await fetch('/graphql', {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify({ query: PHONE_NUMBERS, variables }),
      });
    } catch {
      throw new GatewayError('The gateway cannot be reached. Is it running?', 'NETWORK_ERROR');
    }
    let body;
    try {
      body = await response.json();
    } catch {
      throw new GatewayError(
        `The gateway answered HTTP ${response.status} without a GraphQL response.`,
        'BAD_RESPONSE',
      );
    }
    const [error] = body.errors || [];
    if (error) {
      const extensions = error.extensions || {};
      throw new GatewayError(error.message, extensions.code || 'UNKNOWN', extensions.requestId);
    }
    return body.data.phoneNumbers;
  }

  function currentFilter() {
    const filter = {};
    const search = ui.search.value.trim();
    if (search) filter.search = search;
    if (ui.type.value) filter.type = ui.type.value;
    if (ui.agent.value) filter.agentId = ui.agent.value;
    return filter;
  }

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function providerBadge(provider) {
    if (provider.__typename === 'TwilioProvider') {
      const badge = element('span', 'badge badge--twilio', `Twilio · ${provider.region}`);
      badge.title = `Twilio, region ${REGION_NAMES[provider.region] || provider.region}`;
      return badge;
    }
    return element('span', 'badge badge--cartesia', 'Cartesia');
  }

  function agentCell(agent) {
    if (!agent) return element('span', 'number__agent number__agent--none', 'Unassigned');
    const button = element('button', 'number__agent', agent.name);
    button.type = 'button';
    button.title = `Only numbers of ${agent.name}`;
    button.addEventListener('click', () => {
      ui.agent.value = agent.id;
      search();
    });
    return button;
  }

  function row(node) {
    const item = element('li', 'number');
    item.dataset.id = node.id;
    item.append(
      element('span', 'number__e164', node.number),
      node.label === null
        ? element('span', 'number__label number__label--empty', 'No label')
        : element('span', 'number__label', node.label),
      agentCell(node.agent),
      providerBadge(node.provider),
    );
    return item;
  }

  function rememberAgents(edges) {
    let added = false;
    for (const { node } of edges) {
      if (node.agent && !knownAgents.has(node.agent.id)) {
        knownAgents.set(node.agent.id, node.agent.name);
        added = true;
      }
    }
    if (!added) return;
    const selected = ui.agent.value;
    const options = [...knownAgents]
      .sort(([, a], [, b]) => a.localeCompare(b))
      .map(([id, name]) => {
        const option = element('option', '', name);
        option.value = id;
        return option;
      });
    ui.agent.replaceChildren(ui.agent.options[0], ...options);
    ui.agent.value = selected;
  }

  function showError(error) {
    ui.error.replaceChildren(
      element('strong', '', 'Could not load phone numbers. '),
      document.createTextNode(error.message),
      element('span', 'error__code', ` (${error.code}${error.requestId ? `, request ${error.requestId}` : ''})`),
    );
    ui.error.hidden = false;
  }

  function render() {
    ui.previous.disabled = state.loading || !state.start.hasPrevious;
    ui.next.disabled = state.loading || !state.end.hasNext;
    ui.loadMore.disabled = state.loading || !state.end.hasNext;
    ui.list.setAttribute('aria-busy', String(state.loading));
    if (state.loading) {
      ui.status.textContent = 'Loading…';
    } else if (ui.error.hidden) {
      ui.status.textContent = state.rows === 0 ? 'No phone numbers match.' : `Showing ${state.rows} phone numbers.`;
    } else {
      ui.status.textContent = 'Loading failed.';
    }
  }

  /**
   * Loads one page. `replace` shows it instead of the list (search, next,
   * previous); otherwise it is appended (load more).
   */
  async function load(variables, { replace }) {
    state.loading = true;
    render();
    try {
      const page = await fetchPage({ filter: state.filter, ...variables });
      ui.error.hidden = true;
      rememberAgents(page.edges);
      const rows = page.edges.map(({ node }) => row(node));
      if (replace) {
        ui.list.replaceChildren(...rows);
        state.rows = rows.length;
        state.start = { cursor: page.pageInfo.startCursor, hasPrevious: page.pageInfo.hasPreviousPage };
      } else {
        ui.list.append(...rows);
        state.rows += rows.length;
      }
      state.end = { cursor: page.pageInfo.endCursor, hasNext: page.pageInfo.hasNextPage };
    } catch (error) {
      showError(error instanceof GatewayError ? error : new GatewayError(String(error), 'CLIENT_ERROR'));
      if (replace) {
        // The old rows no longer match the filter or page asked for.
        ui.list.replaceChildren();
        state.rows = 0;
        state.start = { cursor: null, hasPrevious: false };
        state.end = { cursor: null, hasNext: false };
      }
    } finally {
      state.loading = false;
      render();
    }
  }

  function search() {
    state.filter = currentFilter();
    return load({ first: PAGE_SIZE }, { replace: true });
  }

  ui.form.addEventListener('submit', (event) => {
    event.preventDefault();
    search();
  });
  ui.type.addEventListener('change', search);
  ui.agent.addEventListener('change', search);
  ui.next.addEventListener('click', () => load({ first: PAGE_SIZE, after: state.end.cursor }, { replace: true }));
  ui.loadMore.addEventListener('click', () => load({ first: PAGE_SIZE, after: state.end.cursor }, { replace: false }));
  ui.previous.addEventListener('click', () => load({ last: PAGE_SIZE, before: state.start.cursor }, { replace: true }));

  search();
})();
