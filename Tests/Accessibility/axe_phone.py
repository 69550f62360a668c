#!/usr/bin/env python3
"""The phone page checked by axe-core (WCAG 2.1 A and AA) in a real Chromium at 360x740.

Driven by PhoneAccessibilityTests (EndToEndTests): it opens URL, checks the join form, joins
with NAME, then for every step: waits for "step N of COUNT", types an entry where the step
takes one, votes where it can, runs axe, prints "OK <n>" (or the violations) and waits for a
line on stdin before the next step, while the test moves the facilitator on.

usage: axe_phone.py URL NAME COUNT
Exit 0: no violations anywhere; 1: violations (listed); 2: a tool is missing or failed.
"""
import json
import os
import sys
import time

os.environ["SE_OFFLINE"] = "true"  # Selenium must never look anything up online.
CHROMEDRIVER = "/usr/bin/chromedriver"
CHROMIUM = "/usr/bin/chromium"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]


def fail(code, text):
    print(text, flush=True)
    sys.exit(code)


try:
    from axe_selenium_python import Axe
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
except ImportError as e:
    fail(2, "MISSING %s (make setup installs selenium and axe-selenium-python)" % e)
for path in (CHROMEDRIVER, CHROMIUM):
    if not os.access(path, os.X_OK):
        fail(2, "MISSING %s (make setup installs chromium and chromium-driver)" % path)

url, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
options = webdriver.ChromeOptions()
options.binary_location = CHROMIUM
for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=nl-NL", "--window-size=360,740"):
    options.add_argument(arg)
options.add_experimental_option("prefs", {"intl.accept_languages": "nl-NL,nl"})
options.add_experimental_option("mobileEmulation", {"deviceMetrics": {"width": 360, "height": 740, "pixelRatio": 2}})
driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
driver.set_script_timeout(30)
axe = Axe(driver)
problems = []


def wait(js, timeout=15):
    end = time.time() + timeout
    while time.time() < end:
        if driver.execute_script("return !!(" + js + ")"):
            return
        time.sleep(0.05)
    fail(1, "TIMEOUT waiting for %s; the page said: %s" % (js, driver.execute_script("return document.body.innerText")))


def check(where):
    axe.inject()
    # The rules of these levels that this axe-core has (its run never answers when asked for
    # a tag none of its rules carry, as wcag21a in the axe-core 3.1 that the package bundles).
    rules = driver.execute_script("return axe.getRules(arguments[0]).map(function(r){return r.ruleId})", TAGS)
    if not rules:
        fail(2, "axe-core knows no rules for %s" % TAGS)
    result = axe.run(options=json.dumps({"runOnly": {"type": "rule", "values": rules}}))
    for v in result["violations"]:
        targets = [" ".join(n["target"]) for n in v["nodes"]]
        problems.append("%s: %s (%s) at %s" % (where, v["id"], v["help"], ", ".join(targets)))
    return len(result["violations"])


try:
    driver.get(url)
    wait("document.getElementById('join').offsetParent !== null")
    if driver.execute_script("return document.documentElement.lang") != "nl":
        driver.find_element(By.ID, "lang").click()
    wait("document.documentElement.lang === 'nl'")
    check("join")
    driver.find_element(By.ID, "name").send_keys(name)
    driver.find_element(By.ID, "joinBtn").click()
    for n in range(1, count + 1):
        wait("document.getElementById('stepno').textContent === 'Stap %d van %d'" % (n, count))
        if driver.execute_script("return document.getElementById('composer').offsetParent !== null"):
            driver.find_element(By.ID, "text").send_keys("Bijdrage in stap %d" % n)
            driver.find_element(By.ID, "save").click()
            wait("document.querySelector('#notice').textContent === 'Opgeslagen.' && !document.querySelector('#notice').hidden")
        vote = driver.execute_script("return document.querySelector('button.vote:not([disabled])') !== null")
        if vote:
            driver.execute_script("document.querySelector('button.vote:not([disabled])').click()")
            wait("document.querySelector('.dots') !== null")
        found = check("step %d" % n)
        print("OK %d %d" % (n, found), flush=True)
        if n < count:
            sys.stdin.readline()
finally:
    driver.quit()
if problems:
    fail(1, "VIOLATIONS\n" + "\n".join(problems))
print("DONE", flush=True)
