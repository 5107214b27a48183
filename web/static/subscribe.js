// The subscription forms without script show every field; with it, the weekday is asked only
// for a weekly digest, and a province ticked whole greys out its cities (it includes them).
for (const form of document.querySelectorAll('form[data-preferences]')) {
  const weekday = form.querySelector('label.weekday');
  const cities = [...form.querySelectorAll('fieldset.regions .province')];
  const sync = () => {
    weekday.hidden = form.querySelector('input[name="frequency"][value="weekly"]:checked') === null;
    for (const province of cities) {
      const whole = province.querySelector('label.whole input').checked;
      for (const input of province.querySelectorAll('.cities input')) input.disabled = whole;
    }
  };
  form.addEventListener('change', sync);
  sync();
}
