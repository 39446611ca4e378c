// The dashboard page's only script. It opens the live stream (server-sent events) and redraws the
// panels from each snapshot. Every value from the server goes in through textContent or an
// attribute, never as HTML; charts are SVG drawn here, so the page needs no library.
(function () {
  'use strict';

  var SVG = 'http://www.w3.org/2000/svg';
  var config = JSON.parse(document.getElementById('dashboard-texts').textContent);
  var lang = config.lang;
  var texts = config.texts;
  var locale = lang === 'tr' ? 'tr-TR' : 'en-GB';
  var STATUS_ORDER = ['created', 'in_progress', 'under_review', 'resolved', 'closed'];
  var SLA_TARGETS = ['acknowledge', 'registration', 'resolution'];
  var last = null;

  function t(key, values) {
    var s = texts[key];
    if (s === undefined) return key;
    return s.replace(/\{(\w+)\}/g, function (_, name) {
      return values && values[name] !== undefined ? String(values[name]) : '';
    });
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function svg(tag, attrs, children) {
    var node = document.createElementNS(SVG, tag);
    setAttrs(node, attrs);
    append(node, children);
    return node;
  }

  function setAttrs(node, attrs) {
    if (!attrs) return;
    Object.keys(attrs).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === 'text') node.textContent = String(value);
      else node.setAttribute(name, String(value));
    });
  }

  function append(node, children) {
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === false) return;
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
  }

  function replaceChildren(node, children) {
    while (node.firstChild) node.removeChild(node.firstChild);
    append(node, children);
  }

  var timeFormat = new Intl.DateTimeFormat(locale, {
    dateStyle: 'short',
    timeStyle: 'medium',
  });
  var relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  var percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  var decimal = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });

  function ago(iso, now) {
    var seconds = Math.round((Date.parse(iso) - now) / 1000);
    var abs = Math.abs(seconds);
    if (abs < 60) return relative.format(seconds, 'second');
    if (abs < 3600) return relative.format(Math.round(seconds / 60), 'minute');
    if (abs < 86400) return relative.format(Math.round(seconds / 3600), 'hour');
    return relative.format(Math.round(seconds / 86400), 'day');
  }

  function when(iso, now) {
    if (!iso) return el('span', { class: 'muted', text: t('never') });
    return el('time', {
      datetime: iso,
      title: timeFormat.format(new Date(iso)),
      text: ago(iso, now),
    });
  }

  /** Messages per minute over the last hour; errors drawn below the line in red. */
  function sparkline(series) {
    var width = 180;
    var height = 36;
    var n = series.received.length;
    var peak = Math.max(1, Math.max.apply(null, series.received.concat(series.errors)));
    var x = function (i) {
      return ((i * (width - 2)) / Math.max(1, n - 1) + 1).toFixed(1);
    };
    var y = function (v) {
      return (height - 2 - (v * (height - 4)) / peak).toFixed(1);
    };
    var points = series.received
      .map(function (v, i) {
        return x(i) + ',' + y(v);
      })
      .join(' ');
    var area = '1,' + (height - 2) + ' ' + points + ' ' + x(n - 1) + ',' + (height - 2);
    var errorBars = [];
    series.errors.forEach(function (v, i) {
      if (v > 0)
        errorBars.push(
          svg('rect', {
            class: 'spark-error',
            x: Number(x(i)) - 1,
            y: y(v),
            width: 2,
            height: (height - 2 - Number(y(v))).toFixed(1),
          }),
        );
    });
    var total = series.received.reduce(function (a, b) {
      return a + b;
    }, 0);
    return svg(
      'svg',
      {
        class: 'spark',
        viewBox: '0 0 ' + width + ' ' + height,
        width: width,
        height: height,
        role: 'img',
        'aria-label': t('col.perMinute') + ': ' + total,
      },
      [
        svg('polygon', { class: 'spark-area', points: area }),
        svg('polyline', { class: 'spark-line', points: points }),
      ].concat(errorBars),
    );
  }

  function stateCell(row) {
    var reason = row.reason ? t('reason.' + row.reason, { minutes: row.quietPeriodMinutes }) : '';
    // An adapter's last word ("idle") is stale once its beats stopped; the reason says enough.
    var detail =
      row.detail && row.reason !== 'no-beat' && row.reason !== 'stopped' ? row.detail : '';
    return el('td', { class: 'state' }, [
      el('span', {
        class: 'badge state-' + row.state,
        'data-state': row.state,
        text: t('state.' + row.state),
      }),
      reason ? el('div', { class: 'reason', text: reason }) : null,
      detail && row.reason !== 'silent' ? el('div', { class: 'muted detail', text: detail }) : null,
    ]);
  }

  function errorCell(row, now) {
    var rate =
      row.errorRate === null
        ? el('span', { class: 'muted', text: t('noErrors') })
        : el('span', {
            class: row.errorRate > 0 ? 'error-rate bad' : 'error-rate',
            text: t('errorRate', { rate: percent.format(row.errorRate) }),
          });
    var lastError = row.lastError
      ? el('div', { class: 'last-error' }, [
          row.lastError.code ? el('code', { text: row.lastError.code }) : null,
          ' ',
          el('span', { class: 'message', text: row.lastError.message }),
          ' · ',
          when(row.lastError.at, now),
        ])
      : null;
    return el('td', { class: 'errors' }, [rate, lastError]);
  }

  function channelRow(row, now) {
    var name = t('channel.' + row.channel);
    return el('tr', { 'data-key': row.key, 'data-state': row.state, class: 'row-' + row.state }, [
      el('th', { scope: 'row' }, [
        el('div', { class: 'channel', text: name }),
        el('div', { class: 'account', text: row.account }),
        el('div', {
          class: 'muted',
          text: t('instances', { alive: row.instances.alive, total: row.instances.total }),
        }),
      ]),
      stateCell(row),
      el('td', {}, [when(row.lastMessageAt, now)]),
      el('td', {}, [when(row.lastSuccessAt, now)]),
      el(
        'td',
        { title: t('lastHour', { received: row.receivedLastHour, errors: row.errorsLastHour }) },
        [
          sparkline(row.perMinute),
          el('div', {
            class: 'muted',
            text: t('lastHour', { received: row.receivedLastHour, errors: row.errorsLastHour }),
          }),
        ],
      ),
      errorCell(row, now),
      el('td', {
        class: row.deadLettersWaiting ? 'dead-letters bad' : 'dead-letters',
        text: row.deadLettersWaiting === null ? '–' : String(row.deadLettersWaiting),
      }),
      el('td', { class: 'qr' }, [
        row.qrImage
          ? el('figure', {}, [
              el('img', { src: row.qrImage, alt: t('qrHelp'), width: 132, height: 132 }),
              el('figcaption', { class: 'muted', text: t('qrHelp') }),
            ])
          : null,
      ]),
    ]);
  }

  /** Horizontal bars, one per label, scaled to the largest value. */
  function bars(items, className) {
    var width = 260;
    var rowHeight = 22;
    var labelWidth = 120;
    var peak = Math.max(
      1,
      Math.max.apply(
        null,
        items.map(function (i) {
          return i.value;
        }),
      ),
    );
    var children = [];
    items.forEach(function (item, index) {
      var y = index * rowHeight;
      var w = Math.max(item.value > 0 ? 2 : 0, ((width - labelWidth - 40) * item.value) / peak);
      children.push(svg('text', { x: 0, y: y + 15, class: 'bar-label', text: item.label }));
      children.push(
        svg('rect', {
          x: labelWidth,
          y: y + 4,
          width: w.toFixed(1),
          height: 14,
          class: 'bar-fill ' + (className || ''),
        }),
      );
      children.push(
        svg('text', {
          x: labelWidth + w + 4,
          y: y + 15,
          class: 'bar-value',
          text: String(item.value),
        }),
      );
    });
    return svg(
      'svg',
      {
        class: 'bars',
        viewBox: '0 0 ' + width + ' ' + items.length * rowHeight,
        width: width,
        height: items.length * rowHeight,
      },
      children,
    );
  }

  /** A share (0..1) as a filled bar with its value. */
  function gauge(label, share, extraClass) {
    var width = 200;
    var filled = share === null ? 0 : share * width;
    return el('div', { class: 'gauge ' + (extraClass || '') }, [
      el('div', { class: 'gauge-label', text: label }),
      svg(
        'svg',
        { viewBox: '0 0 ' + width + ' 12', width: width, height: 12, class: 'gauge-bar' },
        [
          svg('rect', { x: 0, y: 0, width: width, height: 12, class: 'gauge-track' }),
          svg('rect', {
            x: 0,
            y: 0,
            width: filled.toFixed(1),
            height: 12,
            class: share !== null && share < 0.9 ? 'gauge-fill low' : 'gauge-fill',
          }),
        ],
      ),
      el('span', {
        class: 'gauge-value',
        text: share === null ? t('sla.noData') : percent.format(share),
      }),
    ]);
  }

  /** Average resolution time against its target: two bars on one scale. */
  function versus(actual, target) {
    if (actual === null && target === null)
      return el('span', { class: 'muted', text: t('sla.noData') });
    var width = 200;
    var peak = Math.max(actual || 0, target || 0, 1);
    var over = actual !== null && target !== null && actual > target;
    return el('div', { class: 'versus' }, [
      svg('svg', { viewBox: '0 0 ' + width + ' 26', width: width, height: 26 }, [
        svg('rect', {
          x: 0,
          y: 0,
          width: (((actual || 0) * width) / peak).toFixed(1),
          height: 11,
          class: over ? 'bar-fill bad' : 'bar-fill',
        }),
        svg('rect', {
          x: 0,
          y: 14,
          width: (((target || 0) * width) / peak).toFixed(1),
          height: 11,
          class: 'bar-fill target',
        }),
      ]),
      el('span', {
        class: over ? 'bad' : '',
        text:
          (actual === null ? t('sla.noData') : t('sla.hours', { hours: decimal.format(actual) })) +
          ' · ' +
          t('sla.target', {
            value:
              target === null ? t('sla.noData') : t('sla.hours', { hours: decimal.format(target) }),
          }),
      }),
    ]);
  }

  function figure(name, label, value, bad) {
    return el('div', { class: bad ? 'figure bad' : 'figure', 'data-figure': name }, [
      el('div', { class: 'figure-value', text: String(value) }),
      el('div', { class: 'figure-label', text: label }),
    ]);
  }

  // Which clock is running late: the figures above count each case once, by its worst target.
  function alertsByTarget(byTarget) {
    var late = SLA_TARGETS.filter(function (target) {
      var counts = byTarget && byTarget[target];
      return counts && (counts.warning > 0 || counts.breached > 0);
    });
    if (!late.length) return null;
    return el(
      'ul',
      { class: 'sla-alerts' },
      late.map(function (target) {
        var counts = byTarget[target];
        return el('li', {
          'data-target': target,
          class: counts.breached > 0 ? 'bad' : '',
          text: t('sla.alertsOfTarget', {
            target: t('slaTarget.' + target),
            warning: counts.warning,
            breached: counts.breached,
          }),
        });
      }),
    );
  }

  function renderSla(sla) {
    var body = document.getElementById('sla-body');
    if (!sla)
      return replaceChildren(body, [el('p', { class: 'muted', text: t('sla.unavailable') })]);
    var statuses = Object.keys(sla.openByStatus).sort(function (a, b) {
      var ia = STATUS_ORDER.indexOf(a);
      var ib = STATUS_ORDER.indexOf(b);
      return (ia < 0 ? 99 : ia) - (ib < 0 ? 99 : ib);
    });
    var byStatus = statuses.map(function (s) {
      return { label: texts['status.' + s] ? t('status.' + s) : s, value: sla.openByStatus[s] };
    });
    var byRegion = sla.openByRegion.map(function (r) {
      return { label: r.regionCode || t('sla.noRegion'), value: r.count };
    });
    var satisfaction =
      sla.satisfactionAverage === null || sla.satisfactionAverage === undefined
        ? t('sla.noData')
        : t('sla.satisfactionValue', {
            value: decimal.format(sla.satisfactionAverage),
            count: sla.satisfactionResponses || 0,
          });
    replaceChildren(body, [
      el('div', { class: 'figures' }, [
        figure('escalated', t('sla.escalated'), sla.escalatedOpen, sla.escalatedOpen > 0),
        figure('warnings', t('sla.warnings'), sla.warningsOpen, false),
        figure('breached', t('sla.breached'), sla.breachedOpen, sla.breachedOpen > 0),
      ]),
      alertsByTarget(sla.alertsByTarget),
      el('h3', { text: t('sla.openByStatus') }),
      byStatus.length ? bars(byStatus) : el('p', { class: 'muted', text: t('sla.noData') }),
      el('h3', { text: t('sla.openByRegion') }),
      byRegion.length
        ? bars(byRegion, 'region')
        : el('p', { class: 'muted', text: t('sla.noData') }),
      gauge(t('sla.acknowledged'), sla.acknowledgedWithinTargetShare),
      gauge(t('sla.registered'), sla.registeredWithinTargetShare),
      gauge(t('sla.resolved'), sla.resolvedWithinTargetShare),
      el('h3', { text: t('sla.resolution') }),
      versus(sla.averageResolutionHours, sla.averageResolutionTargetHours),
      el('h3', { text: t('sla.satisfaction') }),
      el('p', { id: 'satisfaction', text: satisfaction }),
    ]);
  }

  function renderLag(report) {
    var body = document.getElementById('lag-body');
    var children = [];
    if (report.error) children.push(el('p', { class: 'bad', text: t('lag.unavailable') }));
    if (report.topics.length === 0 && !report.error)
      children.push(el('p', { class: 'muted', text: t('lag.none') }));
    if (report.topics.length > 0) {
      children.push(
        el('table', { class: 'lag' }, [
          el('thead', {}, [
            el('tr', {}, [
              el('th', { scope: 'col', text: t('lag.group') }),
              el('th', { scope: 'col', text: t('lag.topic') }),
              el('th', { scope: 'col', text: t('lag.waiting') }),
            ]),
          ]),
          el(
            'tbody',
            {},
            report.topics.map(function (topic) {
              return el('tr', { 'data-topic': topic.topic, 'data-group': topic.group }, [
                el('td', { text: topic.group }),
                el('td', {}, [el('code', { text: topic.topic })]),
                el('td', {
                  class: topic.lag > 0 ? 'lag-value bad' : 'lag-value',
                  text: String(topic.lag),
                }),
              ]);
            }),
          ),
        ]),
      );
    }
    replaceChildren(body, children);
  }

  function renderDeadLetters(summary) {
    var section = document.getElementById('dead-letters');
    if (!summary) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    var reasons = Object.keys(summary.byReason).map(function (reason) {
      return { label: reason, value: summary.byReason[reason] };
    });
    replaceChildren(document.getElementById('dead-letters-body'), [
      summary.waiting === 0
        ? el('p', { class: 'muted', text: t('deadLetters.none') })
        : el('p', {
            class: 'figure-value bad',
            id: 'dead-letters-waiting',
            text: t('deadLetters.waiting', { count: summary.waiting }),
          }),
      reasons.length ? el('h3', { text: t('deadLetters.byReason') }) : null,
      reasons.length ? bars(reasons, 'bad') : null,
    ]);
  }

  function render(snapshot) {
    last = snapshot;
    var now = Date.now();
    var rows = document.getElementById('channel-rows');
    replaceChildren(
      rows,
      snapshot.channels.length
        ? snapshot.channels.map(function (row) {
            return channelRow(row, now);
          })
        : [el('tr', { class: 'empty' }, [el('td', { colspan: 8, text: t('noChannels') })])],
    );
    renderSla(snapshot.sla);
    renderLag(snapshot.consumerLag);
    renderDeadLetters(snapshot.deadLetters);
    var notices = [];
    if (!snapshot.historyReady) notices.push(t('historyLoading'));
    if (!snapshot.core.reachable) notices.push(t('coreUnreachable'));
    document.getElementById('notices').textContent = notices.join(' ');
    var updated = document.getElementById('updated');
    updated.textContent = t('updatedAt', {
      time: timeFormat.format(new Date(snapshot.generatedAt)),
    });
    updated.setAttribute('data-generated-at', snapshot.generatedAt);
  }

  function live(state) {
    var node = document.getElementById('live');
    node.setAttribute('data-live', state);
    node.textContent = t('live.' + state);
  }

  function connect() {
    var source = new EventSource('/api/v1/channels/stream');
    source.addEventListener('open', function () {
      live('live');
    });
    source.addEventListener('snapshot', function (event) {
      live('live');
      render(JSON.parse(event.data));
    });
    source.addEventListener('signed-out', function () {
      source.close();
      window.location.assign('/login');
    });
    source.addEventListener('error', function () {
      live('reconnecting');
      if (source.readyState !== EventSource.CLOSED) return;
      // The browser gives up on an answer that is not a stream (401 after the session ended):
      // ask once more to tell a lost session from a lost connection.
      fetch('/api/v1/channels/health', { credentials: 'same-origin' })
        .then(function (response) {
          if (response.status === 401) window.location.assign('/login');
          else setTimeout(connect, 3000);
        })
        .catch(function () {
          setTimeout(connect, 3000);
        });
    });
  }

  // Relative times ("2 minutes ago") keep moving between snapshots.
  setInterval(function () {
    if (last) render(last);
  }, 15000);

  connect();
})();
